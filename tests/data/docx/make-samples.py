#!/usr/bin/env python3
"""Writes the small Word documents tst_docxreader reads (made here, by hand, from the Office Open
XML parts a word processor writes; no office suite needed). Run it again after changing it:
    python3 tests/data/docx/make-samples.py
report.docx    as Word saves it: heading styles by name, bold/italic/underline runs with fonts,
               sizes and colours, a bulleted list, a numbered list (一、 二、), a table, a picture,
               a hyperlink, a tracked deletion, an empty paragraph and a right-aligned signature.
wps.docx       as WPS saves it: numeric style ids ("2", "3") named 标题 1 / heading 2, a title
               paragraph, outline levels, a nested bulleted list.
many-pictures.docx  205 pictures, more than a document may bring in (200): the rest are left out.
damaged.docx   a zip whose document.xml is cut off.
not-a-zip.docx plain text named .docx.
"""
import io, os, struct, zipfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' \
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' \
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>'''
ROOT_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''


def png(width, height, rgb):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    raw = b''.join(b'\0' + bytes(rgb) * width for _ in range(height))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def run(text, props=''):
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(content, style=None, num=None, extra=''):
    ppr = ''
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f'<w:p><w:pPr>{ppr}{extra}</w:pPr>{content}</w:p>'


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}' \
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'


def write(name, parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2026, 12, 6, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(buffer.getvalue())


def report():
    styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>'''
    numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>'''
    rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>
<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gov.cn/" TargetMode="External"/>
</Relationships>'''
    fancy = '<w:rFonts w:ascii="SimSun" w:eastAsia="宋体"/><w:color w:val="FF0000"/><w:sz w:val="44"/>'
    drawing = ('<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><a:graphic><a:graphicData>'
               '<pic:pic><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill></pic:pic>'
               '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    body = ''.join([
        para(run('关于做好2026年防汛工作的通知', fancy), 'Heading1'),
        para(run('各区县自然资源局：', fancy)),
        para(run('为切实做好', '') + run('汛期地质灾害防治', '<w:b/>' + fancy) + run('工作，', '')
             + run('现将有关事项', '<w:i/>') + run('通知如下', '<w:u w:val="single"/>') + run('。')
             + run('（此句已删除）', '<w:b w:val="0"/>').replace('<w:r>', '<w:del w:id="1"><w:r>', 1).replace('</w:r>', '</w:r></w:del>', 1)),
        para('', None),
        para(run('工作要求', fancy), 'Heading2'),
        para(run('加强值班值守'), None, (2, 0)),
        para(run('落实领导带班'), None, (2, 1)),
        para(run('落实专人值班'), None, (2, 1)),
        para(run('强化隐患排查'), None, (2, 0)),
        para(run('重点区域：'), None),
        para(run('城区周边山体'), None, (1, 0)),
        para(run('在建工地'), None, (1, 0)),
        '<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr>'
        '<w:tr><w:tc>' + para(run('区县', '<w:b/>')) + '</w:tc><w:tc>' + para(run('值班电话', '<w:b/>')) + '</w:tc></w:tr>'
        '<w:tr><w:tc>' + para(run('巴州区')) + '</w:tc><w:tc>' + para(run('0827-1234567')) + para(run('0827-7654321')) + '</w:tc></w:tr>'
        '</w:tbl>',
        para(drawing),
        para('<w:hyperlink r:id="rId6">' + run('中国政府网', '<w:color w:val="0000FF"/><w:u w:val="single"/>') + '</w:hyperlink>'),
        para(run('巴中市自然资源和规划局'), None, None, '<w:jc w:val="right"/>'),
    ])
    write('report.docx', {
        '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS,
        'word/document.xml': document(body), 'word/styles.xml': styles, 'word/numbering.xml': numbering,
        'word/_rels/document.xml.rels': rels, 'word/media/image1.png': png(8, 6, (200, 30, 30)),
    })


def wps():
    styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 1"/></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 2"/></w:style>
</w:styles>'''
    numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="○"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>'''
    rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>'''
    body = ''.join([
        para(run('耕地保护专题会议纪要'), '2'),
        para(run('一、会议情况'), '3'),
        para(run('会议由局长主持。'), None, None, '<w:jc w:val="both"/>'),
        para(run('参会单位'), None, None, '<w:outlineLvl w:val="1"/>'),
        para(run('耕保科'), None, (3, 0)),
        para(run('执法支队'), None, (3, 1)),
        para(run('规划科'), None, (3, 0)),
        para(run('第一行') + '<w:r><w:br/></w:r>' + run('第二行') + '<w:r><w:tab/></w:r>' + run('末尾')),
    ])
    write('wps.docx', {
        '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS,
        'word/document.xml': document(body), 'word/styles.xml': styles, 'word/numbering.xml': numbering,
        'word/_rels/document.xml.rels': rels,
    })


def broken():
    write('damaged.docx', {'[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS,
                           'word/document.xml': document(para(run('开头')))[:-120]})
    with open(os.path.join(HERE, 'not-a-zip.docx'), 'w') as f:
        f.write('这不是 Word 文档。\n')


def many_pictures():
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    parts = {'[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS}
    body = para(run('图片很多的文档'))
    for i in range(1, 206):
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/p{i}.png"/>')
        parts[f'word/media/p{i}.png'] = png(2, 2, (i % 256, 0, 0))
        body += para('<w:r><w:drawing><a:blip r:embed="rId%d"/></w:drawing></w:r>' % i)
    rels.append('</Relationships>')
    parts['word/document.xml'] = document(body)
    parts['word/_rels/document.xml.rels'] = '\n'.join(rels)
    write('many-pictures.docx', parts)


report()
wps()
many_pictures()
broken()
