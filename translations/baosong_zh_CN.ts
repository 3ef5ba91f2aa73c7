<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Baosong cannot open its local store</source>
        <translation>报送无法打开本地数据库</translation>
    </message>
    <message>
        <source>Baosong cannot set up the demo</source>
        <translation>报送无法建立演示数据</translation>
    </message>
    <message>
        <source>No organization yet</source>
        <translation>尚无机构信息</translation>
    </message>
    <message>
        <source>This profile has no organization yet. Start Baosong with --demo to try it with the example organization.</source>
        <translation>此配置尚无机构信息。请使用 --demo 参数启动报送，以示例机构试用。</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Past the limit</source>
        <translation>已超过最迟期限</translation>
    </message>
</context>
<context>
    <name>DeadlinePolicy</name>
    <message>
        <source>The publication deadlines are inconsistent: %1 days to publish, %2 days at the latest. The first must not be negative nor exceed the second.</source>
        <translation>发布期限设置不一致：应在 %1 日内发布，最迟 %2 日。前者不能为负数，也不能大于后者。</translation>
    </message>
    <message>
        <source>The &quot;due soon&quot; warning (%1 days) must not be negative.</source>
        <translation>“即将到期”提醒天数（%1 天）不能为负数。</translation>
    </message>
    <message>
        <source>%1 is listed both as a holiday and as a working day.</source>
        <translation>%1 同时被列为节假日和工作日。</translation>
    </message>
    <message>
        <source>Holiday list, line %1: %2</source>
        <translation>节假日列表第 %1 行：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither &quot;holiday&quot; nor &quot;workday&quot;.</source>
        <translation>“%1”既不是“holiday”（节假日）也不是“workday”（工作日）。</translation>
    </message>
    <message>
        <source>expected &quot;%1 &lt;date&gt;&quot; or &quot;%1 &lt;first date&gt; &lt;last date&gt;&quot;.</source>
        <translation>应为“%1 &lt;日期&gt;”或“%1 &lt;开始日期&gt; &lt;结束日期&gt;”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date of the form 2027-10-01.</source>
        <translation>“%1”不是形如 2027-10-01 的日期。</translation>
    </message>
    <message>
        <source>the range ends (%1) before it starts (%2).</source>
        <translation>日期范围的结束日期（%1）早于开始日期（%2）。</translation>
    </message>
    <message>
        <source>the range is longer than a year.</source>
        <translation>日期范围超过一年。</translation>
    </message>
    <message>
        <source>Cannot open the holiday list &quot;%1&quot;: %2.</source>
        <translation>无法打开节假日列表“%1”：%2。</translation>
    </message>
    <message>
        <source>%1 (in &quot;%2&quot;)</source>
        <translation>%1（见“%2”）</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Please add the date and place of the event.</source>
        <translation>请补充事件的时间和地点。</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Office</source>
        <translation>局办公室</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>机关科室</translation>
    </message>
    <message>
        <source>District bureau</source>
        <translation>区(分)局</translation>
    </message>
    <message>
        <source>Affiliated unit</source>
        <translation>直属单位</translation>
    </message>
    <message>
        <source>Information centre</source>
        <translation>信息中心</translation>
    </message>
    <message>
        <source>Correspondent</source>
        <translation>联络员/通讯员</translation>
    </message>
    <message>
        <source>Unit head</source>
        <translation>科室(单位)负责人</translation>
    </message>
    <message>
        <source>Leader in charge</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <source>Office director</source>
        <translation>办公室主任</translation>
    </message>
    <message>
        <source>Site administrator</source>
        <translation>网站管理人员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Disclosure item</source>
        <translation>主动公开目录内信息</translation>
    </message>
    <message>
        <source>Collectively decided</source>
        <translation>集体决策信息</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻动态</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>转载上级网站信息</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>已撤稿</translation>
    </message>
    <message>
        <source>Sent to the municipal portal</source>
        <translation>已报送市政府网站</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新信息</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation>撤稿</translation>
    </message>
</context>
<context>
    <name>DomainJson</name>
    <message>
        <source>The field “%1” must be text.</source>
        <translation>字段“%1”必须是文本。</translation>
    </message>
    <message>
        <source>The field “%1” must not be empty.</source>
        <translation>字段“%1”不能为空。</translation>
    </message>
    <message>
        <source>The field “%1” must be true or false.</source>
        <translation>字段“%1”必须是 true 或 false。</translation>
    </message>
    <message>
        <source>The field “%1” must be a whole number between %2 and %3.</source>
        <translation>字段“%1”必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>The field “%1” must be a date in the form YYYY-MM-DD.</source>
        <translation>字段“%1”必须是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>The field “%1” must be a date and time in ISO 8601 form (YYYY-MM-DDThh:mm:ss.zzzZ).</source>
        <translation>字段“%1”必须是 ISO 8601 格式的日期时间（YYYY-MM-DDThh:mm:ss.zzzZ）。</translation>
    </message>
    <message>
        <source>The field “%1” must be a SHA-256 digest written as 64 hexadecimal digits.</source>
        <translation>字段“%1”必须是由 64 位十六进制数字表示的 SHA-256 摘要。</translation>
    </message>
    <message>
        <source>The field “%1” has the unknown value “%2”.</source>
        <translation>字段“%1”的值“%2”无法识别。</translation>
    </message>
    <message>
        <source>The field “%1” must be an object.</source>
        <translation>字段“%1”必须是对象。</translation>
    </message>
    <message>
        <source>The field “%1” must be a list.</source>
        <translation>字段“%1”必须是列表。</translation>
    </message>
    <message>
        <source>The required field “%1” is missing.</source>
        <translation>缺少必填字段“%1”。</translation>
    </message>
    <message>
        <source>%1: the field &quot;%2&quot; has the wrong type.</source>
        <translation>%1：字段“%2”的类型不正确。</translation>
    </message>
    <message>
        <source>%1: the required field &quot;%2&quot; is missing or empty.</source>
        <translation>%1：必填字段“%2”缺失或为空。</translation>
    </message>
    <message>
        <source>A unit has no &quot;id&quot;.</source>
        <translation>有一个单位缺少“id”。</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>单位 %1</translation>
    </message>
    <message>
        <source>%1: unknown unit type &quot;%2&quot;.</source>
        <translation>%1：未知的单位类型“%2”。</translation>
    </message>
    <message>
        <source>%1: the code &quot;%2&quot; must not contain a slash or a space (it starts disclosure index numbers).</source>
        <translation>%1：代码“%2”不能包含斜杠或空格（它是主动公开索引号的开头）。</translation>
    </message>
    <message>
        <source>A person has no &quot;id&quot;.</source>
        <translation>有一名人员缺少“id”。</translation>
    </message>
    <message>
        <source>Person %1</source>
        <translation>人员 %1</translation>
    </message>
    <message>
        <source>Person %1, grant %2</source>
        <translation>人员 %1 的第 %2 项授权</translation>
    </message>
    <message>
        <source>%1: not an object.</source>
        <translation>%1：不是对象。</translation>
    </message>
    <message>
        <source>%1: unknown role &quot;%2&quot;.</source>
        <translation>%1：未知的角色“%2”。</translation>
    </message>
    <message>
        <source>%1 (%2) is not bureau-wide and names no unit: list its units in &quot;unit_ids&quot; or set &quot;bureau_wide&quot;.</source>
        <translation>%1（%2）既不是全局范围，也未指定单位：请在“unit_ids”中列出其单位，或设置“bureau_wide”。</translation>
    </message>
    <message>
        <source>A column has no &quot;id&quot;.</source>
        <translation>有一个栏目缺少“id”。</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>栏目 %1</translation>
    </message>
    <message>
        <source>%1: unknown column type &quot;%2&quot;.</source>
        <translation>%1：未知的栏目类型“%2”。</translation>
    </message>
    <message>
        <source>%1: the update interval (%2 days) is negative; use 0 for a column without an expected interval.</source>
        <translation>%1：更新周期（%2 天）为负数；没有更新周期要求的栏目请填 0。</translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <source>The local store “%1” is damaged (%2) and could not be moved aside. Nothing was deleted. Close Baosong, move the file to a safe place yourself and start Baosong again; keep the file and ask the information centre for help.</source>
        <translation>本地数据库“%1”已损坏（%2），且无法移到一旁。没有删除任何内容。请关闭报送，自行将该文件移到安全位置后重新启动报送；请保留该文件并联系信息中心协助处理。</translation>
    </message>
    <message>
        <source>The local store “%1” is damaged (%2). The damaged copy was kept as “%3”; nothing was deleted. Start Baosong again to create a new local store, which the next sync fills from the server. Changes that were not yet sent may still be in the damaged copy: keep it and ask the information centre for help.</source>
        <translation>本地数据库“%1”已损坏（%2）。损坏的副本已保留为“%3”，没有删除任何内容。重新启动报送将新建本地数据库，下次同步时会从服务器取回数据。尚未发送的修改可能仍在损坏的副本中：请保留该副本并联系信息中心协助处理。</translation>
    </message>
    <message>
        <source>The folder “%1” for the local store could not be created. Check that you may write there.</source>
        <translation>无法创建本地数据库所在的文件夹“%1”。请检查您是否有写入权限。</translation>
    </message>
    <message>
        <source>The local store “%1” could not be opened: %2. Check that the file is not in use by another Baosong and that you may write to its folder.</source>
        <translation>无法打开本地数据库“%1”：%2。请检查该文件是否正被另一个报送程序使用，以及您是否有该文件夹的写入权限。</translation>
    </message>
    <message>
        <source>The local store “%1” was written by a newer version of Baosong (schema %2); this version understands up to schema %3. Update Baosong to open it. The file was left unchanged.</source>
        <translation>本地数据库“%1”由较新版本的报送写入（结构版本 %2）；当前版本最高只支持结构版本 %3。请升级报送后再打开。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>write-ahead logging is not available</source>
        <translation>无法启用预写日志（WAL）</translation>
    </message>
    <message>
        <source>The local store “%1” could not be upgraded from schema %2 to %3: %4. The file was left as it was.</source>
        <translation>本地数据库“%1”无法从结构版本 %2 升级到 %3：%4。该文件保持原样。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>The local store is not open.</source>
        <translation>本地数据库未打开。</translation>
    </message>
    <message>
        <source>Saving the organization</source>
        <translation>保存机构信息</translation>
    </message>
    <message>
        <source>Reading the organization</source>
        <translation>读取机构信息</translation>
    </message>
    <message>
        <source>The organization kept in the local store is not valid (%1). Sync again to fetch it from the server.</source>
        <translation>本地数据库中的机构信息无效（%1）。请重新同步，从服务器获取。</translation>
    </message>
    <message>
        <source>Saving item %1</source>
        <translation>保存信息 %1</translation>
    </message>
    <message>
        <source>An item without an id can&apos;t be saved; nothing was saved.</source>
        <translation>没有编号的信息无法保存；未保存任何内容。</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>Saving items</source>
        <translation>保存信息</translation>
    </message>
    <message>
        <source>Reading item %1</source>
        <translation>读取信息 %1</translation>
    </message>
    <message>
        <source>Item %1 in the local store can&apos;t be read (%2).</source>
        <translation>无法读取本地数据库中的信息 %1（%2）。</translation>
    </message>
    <message>
        <source>Removing item %1</source>
        <translation>删除信息 %1</translation>
    </message>
    <message>
        <source>Counting items</source>
        <translation>统计信息数量</translation>
    </message>
    <message>
        <source>Listing items</source>
        <translation>列出信息</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Baosong</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Search titles and bodies (Ctrl+F)</source>
        <translation>搜索标题和正文（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About Baosong</source>
        <translation>关于报送(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Organization</name>
    <message>
        <source>The organization has no &quot;%1&quot; list (it may be empty, but it must be there).</source>
        <translation>机构信息缺少“%1”列表（可以为空，但必须存在）。</translation>
    </message>
    <message>
        <source>Entry %1 of &quot;%2&quot; is not an object with an &quot;id&quot;.</source>
        <translation>“%2”的第 %1 项不是带有“id”的对象。</translation>
    </message>
    <message>
        <source>Two units have the id &quot;%1&quot;.</source>
        <translation>有两个单位的编号都是“%1”。</translation>
    </message>
    <message>
        <source>Two people have the id &quot;%1&quot;.</source>
        <translation>有两名人员的编号都是“%1”。</translation>
    </message>
    <message>
        <source>Two columns have the id &quot;%1&quot;.</source>
        <translation>有两个栏目的编号都是“%1”。</translation>
    </message>
    <message>
        <source>Units &quot;%1&quot; and &quot;%2&quot; have the same code &quot;%3&quot;.</source>
        <translation>单位“%1”和“%2”的代码相同（“%3”）。</translation>
    </message>
    <message>
        <source>Person &quot;%1&quot; belongs to the unknown unit &quot;%2&quot;.</source>
        <translation>人员“%1”所属的单位“%2”不存在。</translation>
    </message>
    <message>
        <source>Person &quot;%1&quot;, grant %2 (%3) names the unknown unit &quot;%4&quot;.</source>
        <translation>人员“%1”的第 %2 项授权（%3）指定了不存在的单位“%4”。</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; has the unknown parent &quot;%2&quot;.</source>
        <translation>栏目“%1”的上级栏目“%2”不存在。</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; names the unknown responsible unit &quot;%2&quot;.</source>
        <translation>栏目“%1”指定的责任单位“%2”不存在。</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; is in a cycle of the column tree: %2.</source>
        <translation>栏目“%1”在栏目树中形成了循环：%2。</translation>
    </message>
    <message>
        <source>The organization has no &quot;name&quot;.</source>
        <translation>机构信息缺少“name”（名称）。</translation>
    </message>
    <message>
        <source>The organization</source>
        <translation>机构信息</translation>
    </message>
    <message>
        <source>Cannot open the organization file &quot;%1&quot;: %2.</source>
        <translation>无法打开机构文件“%1”：%2。</translation>
    </message>
    <message>
        <source>The organization file &quot;%1&quot; is not valid JSON: %2 (at offset %3).</source>
        <translation>机构文件“%1”不是有效的 JSON：%2（位置 %3）。</translation>
    </message>
    <message>
        <source>The organization file &quot;%1&quot; does not hold a JSON object.</source>
        <translation>机构文件“%1”的内容不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The organization file &quot;%1&quot; is invalid: %2</source>
        <translation>机构文件“%1”无效：%2</translation>
    </message>
</context>
<context>
    <name>RouteEngine</name>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Propose a change</source>
        <translation>申请修改</translation>
    </message>
    <message>
        <source>Propose retraction</source>
        <translation>申请撤稿</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot; has no stages.</source>
        <translation>流程“%1”没有任何审核环节。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;: a stage has no id.</source>
        <translation>流程“%1”：有一个环节缺少编号。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;: stage &quot;%2&quot; is defined twice.</source>
        <translation>流程“%1”：环节“%2”重复定义。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: unknown role &quot;%3&quot;.</source>
        <translation>流程“%1”的环节“%2”：未知的角色“%3”。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: the role &quot;%3&quot; approves nothing and cannot hold a stage.</source>
        <translation>流程“%1”的环节“%2”：角色“%3”不承担审批，不能负责审核环节。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: unknown scope &quot;%3&quot; (use item_unit or bureau).</source>
        <translation>流程“%1”的环节“%2”：未知的范围“%3”（应为 item_unit 或 bureau）。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot; says nothing about what comes next.</source>
        <translation>流程“%1”的环节“%2”没有指明下一环节。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: the next stage &quot;%3&quot; does not exist.</source>
        <translation>流程“%1”的环节“%2”：下一环节“%3”不存在。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;: its first stage &quot;%2&quot; does not exist.</source>
        <translation>流程“%1”：首个环节“%2”不存在。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot; loops back to stage &quot;%2&quot; and never reaches publication.</source>
        <translation>流程“%1”循环回到环节“%2”，永远无法发布。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;: stage &quot;%2&quot; can never be reached from the first stage.</source>
        <translation>流程“%1”：从首个环节永远无法到达环节“%2”。</translation>
    </message>
    <message>
        <source>The route definition is not valid JSON: %1 (at byte %2).</source>
        <translation>流程定义不是有效的 JSON：%1（第 %2 字节）。</translation>
    </message>
    <message>
        <source>The route definition names an unknown item kind &quot;%1&quot;.</source>
        <translation>流程定义中有未知的信息类别“%1”。</translation>
    </message>
    <message>
        <source>The route of kind &quot;%1&quot; is defined twice.</source>
        <translation>类别“%1”的流程重复定义。</translation>
    </message>
    <message>
        <source>The route definition has no route for items of kind &quot;%1&quot;.</source>
        <translation>流程定义中没有类别“%1”的流程。</translation>
    </message>
    <message>
        <source>Route &quot;municipal_portal&quot;: stage &quot;%1&quot; has the same id as a stage of a kind&apos;s route.</source>
        <translation>流程“municipal_portal”：环节“%1”与某一类别流程中的环节编号相同。</translation>
    </message>
    <message>
        <source>Cannot read the route definition %1: %2</source>
        <translation>无法读取流程定义 %1：%2</translation>
    </message>
    <message>
        <source>Only the author of this item can do that.</source>
        <translation>只有该信息的作者才能进行此操作。</translation>
    </message>
    <message>
        <source>You are no longer a correspondent of this item&apos;s unit; ask your unit to assign it.</source>
        <translation>您已不再是该信息所属单位的联络员/通讯员；请联系本单位重新指派。</translation>
    </message>
    <message>
        <source>This item is not waiting for review (it is: %1).</source>
        <translation>该信息当前不在待审状态（当前为：%1）。</translation>
    </message>
    <message>
        <source>This item is at a stage its route does not know.</source>
        <translation>该信息所处的环节不在其审批流程中。</translation>
    </message>
    <message>
        <source>The item is at &quot;%1&quot;; it cannot be decided at &quot;%2&quot;: no stage may be skipped.</source>
        <translation>该信息正处于“%1”环节，不能在“%2”环节审批：绝不可越级。</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; of this unit&apos;s items is not yours: your role as %2 covers other units.</source>
        <translation>该单位信息的“%1”环节不由您审批：您的%2职责范围是其他单位。</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; is decided by a %2.</source>
        <translation>“%1”环节由%2审批。</translation>
    </message>
    <message>
        <source>Nobody may decide on their own item or revision; another %1 must decide.</source>
        <translation>任何人不得审批本人撰写的信息或修订；须由另一位%1审批。</translation>
    </message>
    <message>
        <source>Say why the item is returned, so its author can revise it.</source>
        <translation>请说明退回理由，以便作者修改。</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; has not approved this item; it cannot pass &quot;%2&quot;.</source>
        <translation>“%1”环节尚未审核通过该信息，不能通过“%2”环节。</translation>
    </message>
    <message>
        <source>The last stage must attest the confidentiality review (保密审查): confirm that the item contains nothing classified.</source>
        <translation>最后一个审批环节必须确认保密审查：确认该信息不含任何涉密内容。</translation>
    </message>
    <message>
        <source>A major policy document is published with its interpretation (Art. 10): link the interpretation item, or give a reason to override, which is recorded.</source>
        <translation>重要政策性文件须与其解读同时发布（第十条）：请关联解读信息，或填写例外发布的理由（将被记录）。</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>该账户已停用。</translation>
    </message>
    <message>
        <source>The item changed since you saw it (you saw revision %1, it is now at %2). Look at the new revision, then decide again.</source>
        <translation>该信息在您查看后已被修改（您看到的是第 %1 版，现在是第 %2 版）。请查看新版本后重新审批。</translation>
    </message>
    <message>
        <source>This item already exists.</source>
        <translation>该信息已存在。</translation>
    </message>
    <message>
        <source>You can draft items only for your own unit.</source>
        <translation>您只能为本单位起草信息。</translation>
    </message>
    <message>
        <source>Only a correspondent can draft items.</source>
        <translation>只有联络员/通讯员可以起草信息。</translation>
    </message>
    <message>
        <source>An item needs at least a title.</source>
        <translation>信息至少需要一个标题。</translation>
    </message>
    <message>
        <source>Only an item in review can be withdrawn.</source>
        <translation>只有审核中的信息才能撤回。</translation>
    </message>
    <message>
        <source>This item is %1 and cannot be changed now; a published item is changed by proposing a change.</source>
        <translation>该信息状态为“%1”，现在不能修改；已发布的信息请通过“申请修改”进行修改。</translation>
    </message>
    <message>
        <source>There is nothing to submit yet.</source>
        <translation>尚无可报送的内容。</translation>
    </message>
    <message>
        <source>A comment cannot be empty.</source>
        <translation>评论不能为空。</translation>
    </message>
    <message>
        <source>A draft is private to its author.</source>
        <translation>草稿仅作者本人可见。</translation>
    </message>
    <message>
        <source>Only the author and the reviewers of this item can comment.</source>
        <translation>只有该信息的作者和审核人可以评论。</translation>
    </message>
    <message>
        <source>Only a published item with nothing in review can be changed or retracted.</source>
        <translation>只有已发布且没有待审修改的信息才能申请修改或撤稿。</translation>
    </message>
    <message>
        <source>You can change or retract only your own unit&apos;s items.</source>
        <translation>您只能对本单位的信息申请修改或撤稿。</translation>
    </message>
    <message>
        <source>Only a correspondent can propose a change or retraction.</source>
        <translation>只有联络员/通讯员可以申请修改或撤稿。</translation>
    </message>
    <message>
        <source>A change needs the changed item.</source>
        <translation>申请修改须提供修改后的内容。</translation>
    </message>
    <message>
        <source>Say why the item is to be retracted.</source>
        <translation>请说明撤稿理由。</translation>
    </message>
    <message>
        <source>Unknown action.</source>
        <translation>未知的操作。</translation>
    </message>
</context>
<context>
    <name>baosong::ColumnTreeModel</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Update every</source>
        <translation>更新周期</translation>
    </message>
</context>
<context>
    <name>baosong::ItemListModel</name>
    <message>
        <source>[Urgent] %1</source>
        <translation>【紧急】%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) to the target</source>
        <translation>
            <numerusform>距发布期限还有 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue: %n day(s) to the limit</source>
        <translation>
            <numerusform>已超期：距最迟期限还有 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Limit passed %n day(s) ago</source>
        <translation>
            <numerusform>已超过最迟期限 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Information date</source>
        <translation>信息产生日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>发布期限</translation>
    </message>
</context>
<context>
    <name>baosong::MainWindow</name>
    <message>
        <source>Baosong — %1 (example data)</source>
        <translation>报送 — %1（示例数据）</translation>
    </message>
    <message>
        <source>Baosong — %1</source>
        <translation>报送 — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in the local store</source>
        <translation>
            <numerusform>本地共有 %n 条信息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) match &quot;%1&quot;</source>
        <translation>
            <numerusform>有 %n 条信息符合“%1”</numerusform>
        </translation>
    </message>
    <message>
        <source> · example organization (demo data)</source>
        <translation> · 示例机构（演示数据）</translation>
    </message>
    <message>
        <source>Local store: %1</source>
        <translation>本地数据库：%1</translation>
    </message>
    <message>
        <source>About Baosong</source>
        <translation>关于报送</translation>
    </message>
    <message>
        <source>Baosong (报送) drafts web-site items, routes them through approval and publishes them, following the bureau&apos;s web-site regulation.

Local store: %1</source>
        <translation>报送用于起草网站信息、按审批流程逐级审核并发布，遵循本局网站管理办法。

本地数据库：%1</translation>
    </message>
</context>
</TS>
