<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message numerus="yes">
        <source>The new password is too short: choose one of at least %n characters.</source>
        <translation>
            <numerusform>新密码太短：请设置至少 %n 个字符的密码。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new password must not be your user name: choose another one.</source>
        <translation>新密码不能与用户名相同：请另选一个。</translation>
    </message>
    <message>
        <source>The change could not be saved (%1). Try again later; if it keeps failing, tell the information centre.</source>
        <translation>无法保存修改（%1）。请稍后重试；如仍失败，请联系信息中心。</translation>
    </message>
    <message>
        <source>The user name or the password is not correct. Check both (and the keyboard layout) and try again.</source>
        <translation>用户名或密码不正确。请检查两者（以及键盘输入法）后重试。</translation>
    </message>
    <message>
        <source>Signing in is not possible right now because the server could not record it. Try again in a few minutes; if it keeps failing, tell the information centre.</source>
        <translation>服务器暂时无法记录登录，目前无法登录。请几分钟后重试；如仍失败，请联系信息中心。</translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after too many failed sign-ins. Try again in %n minute(s), or ask the information centre to set a new password.</source>
        <translation>
            <numerusform>登录失败次数过多，该账户已被锁定。请 %n 分钟后重试，或请信息中心重设密码。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>登录失败次数过多。请等待 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: this account is locked for %n minute(s). Try again then, or ask the information centre to set a new password.</source>
        <translation>
            <numerusform>登录失败次数过多：该账户已被锁定 %n 分钟。请届时重试，或请信息中心重设密码。</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is disabled. Ask the information centre to enable it.</source>
        <translation>该账户已停用。请联系信息中心启用。</translation>
    </message>
    <message>
        <source>Your account can&apos;t change its password (it is unknown or disabled). Ask the information centre.</source>
        <translation>您的账户无法修改密码（账户不存在或已停用）。请联系信息中心。</translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after too many wrong passwords. Try again in %n minute(s).</source>
        <translation>
            <numerusform>密码错误次数过多，该账户已被锁定。请 %n 分钟后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>密码错误次数过多。请等待 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new password is the same as the current one: choose a different one.</source>
        <translation>新密码与当前密码相同：请另选一个。</translation>
    </message>
    <message>
        <source>The current password is not correct. Type it again.</source>
        <translation>当前密码不正确。请重新输入。</translation>
    </message>
    <message>
        <source>The new password could not be processed. Try again later.</source>
        <translation>无法处理新密码。请稍后重试。</translation>
    </message>
    <message>
        <source>There is no person with the user name &quot;%1&quot;. Check the name.</source>
        <translation>没有用户名为“%1”的人员。请检查用户名。</translation>
    </message>
</context>
<context>
    <name>Api</name>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>%1 处没有内容。</translation>
    </message>
    <message>
        <source>Sign in required</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <source>Your session is missing, has expired or was ended. Sign in again.</source>
        <translation>您的会话不存在、已过期或已结束。请重新登录。</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>请求有误</translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;login&quot; and &quot;password&quot;.</source>
        <translation>请发送包含“login”和“password”的 JSON 对象。</translation>
    </message>
    <message>
        <source>Too many attempts</source>
        <translation>尝试次数过多</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>账户已停用</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>请重试</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;old_password&quot; and &quot;new_password&quot;.</source>
        <translation>请发送包含“old_password”和“new_password”的 JSON 对象。</translation>
    </message>
    <message>
        <source>Password not changed</source>
        <translation>密码未修改</translation>
    </message>
    <message>
        <source>No such item</source>
        <translation>没有该信息</translation>
    </message>
    <message>
        <source>There is no item %1 that you may see.</source>
        <translation>没有您有权查看的信息 %1。</translation>
    </message>
    <message>
        <source>The cursor must be a whole number of 0 or more.</source>
        <translation>游标必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>The limit must be a whole number of 1 or more.</source>
        <translation>数量上限必须是大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>The action must be a JSON object.</source>
        <translation>操作必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>Every action needs an &quot;action_id&quot; (a UUID made by the client).</source>
        <translation>每个操作都需要“action_id”（由客户端生成的 UUID）。</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;.</source>
        <translation>未知的操作“%1”。</translation>
    </message>
    <message>
        <source>Say which revision the action was made on (&quot;base_revision&quot;).</source>
        <translation>请说明操作所依据的版本（“base_revision”）。</translation>
    </message>
    <message>
        <source>Action id reused</source>
        <translation>操作编号重复使用</translation>
    </message>
    <message>
        <source>This action id was already used for another action. Make a new one.</source>
        <translation>该操作编号已用于另一操作。请生成新的编号。</translation>
    </message>
    <message>
        <source>Item exists</source>
        <translation>信息已存在</translation>
    </message>
    <message>
        <source>An item with the id %1 already exists.</source>
        <translation>编号为 %1 的信息已存在。</translation>
    </message>
    <message>
        <source>A new item needs a known &quot;kind&quot;.</source>
        <translation>新信息需要有效的“kind”（类别）。</translation>
    </message>
    <message>
        <source>Action refused</source>
        <translation>操作被拒绝</translation>
    </message>
    <message>
        <source>Baosong server %1</source>
        <translation>报送服务器 %1</translation>
    </message>
    <message>
        <source>Every action needs an &quot;item_id&quot; (the item&apos;s UUID, made by the client that created it).</source>
        <translation>每个操作都需要“item_id”（信息的 UUID，由创建它的客户端生成）。</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The override reason</source>
        <translation>越过检查的理由</translation>
    </message>
    <message>
        <source>The stage id is longer than %1 characters.</source>
        <translation>审核环节编号超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予接受</translation>
    </message>
    <message>
        <source>The server could not read or write its store lately.</source>
        <translation>服务器近期无法读写其数据存储。</translation>
    </message>
    <message>
        <source>The server could not save or read its data just now; nothing was changed. Try again in a little while (your client does so by itself); if it persists, tell the information centre the request id.</source>
        <translation>服务器刚才无法保存或读取数据，未作任何更改。请稍后重试（客户端会自动重试）；如果问题持续，请将请求编号告知信息中心。</translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; is not on the server for you: attach the file from your computer again so that it is sent.</source>
        <translation>附件“%1”在服务器上不属于您可用的文件：请从本机重新添加该文件，以便上传。</translation>
    </message>
    <message>
        <source>Upgrade required</source>
        <translation>需要升级连接</translation>
    </message>
    <message>
        <source>This address is a WebSocket: open it with Upgrade: websocket.</source>
        <translation>此地址是 WebSocket 通道：请以 Upgrade: websocket 方式打开。</translation>
    </message>
    <message numerus="yes">
        <source>The public site could not be updated for %n item(s); it is tried again by itself. The server&apos;s log and `baosong-server render-queue` say why.</source>
        <translation>
            <numerusform>有 %n 条信息未能更新到公开网站，系统会自动重试。原因见服务器日志或 `baosong-server render-queue`。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not permitted</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>Only a site administrator (%1) may change the word lists and the detector settings.</source>
        <translation>只有网站管理人员（%1）可以修改词库和检测设置。</translation>
    </message>
    <message>
        <source>Too large</source>
        <translation>内容过大</translation>
    </message>
    <message>
        <source>The word lists may take at most %1 MB together.</source>
        <translation>词库合计最多 %1 MB。</translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;base_version&quot; (the version you edited), &quot;sensitive&quot; and &quot;misused&quot; (the lists&apos; text) and, optionally, &quot;settings&quot;.</source>
        <translation>请发送包含“base_version”（所编辑的版本）、“sensitive”和“misused”（词库文本）以及可选的“settings”的 JSON 对象。</translation>
    </message>
    <message>
        <source>Word lists not saved</source>
        <translation>词库未保存</translation>
    </message>
    <message>
        <source>&quot;settings&quot; must be an object.</source>
        <translation>“settings”必须是对象。</translation>
    </message>
    <message>
        <source>The word lists changed meanwhile</source>
        <translation>词库已被他人修改</translation>
    </message>
    <message>
        <source>Someone saved the word lists after you loaded them (version %1 now, yours %2). Load them again and make your change there.</source>
        <translation>您载入词库后有人保存了新版本（当前为第 %1 版，您的是第 %2 版）。请重新载入后再修改。</translation>
    </message>
    <message>
        <source>Give the period as quarter=YYYY-Q (e.g. 2026-4) or as from=YYYY-MM-DD and to=YYYY-MM-DD, the first not after the second, at most three years apart.</source>
        <translation>请以 quarter=YYYY-Q（如 2026-4）或 from=YYYY-MM-DD 与 to=YYYY-MM-DD 给出统计期间，起日不晚于止日，相隔不超过三年。</translation>
    </message>
    <message>
        <source>Only the auditor and the administrators may read the audit log.</source>
        <translation>只有审计人员和系统管理员可以查阅审计日志。</translation>
    </message>
    <message>
        <source>after must be a sequence number, limit 1 to 500, from and to dates (YYYY-MM-DD).</source>
        <translation>after 须为序号，limit 为 1 到 500，from 和 to 为日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Only the office director (%1), a site administrator (%2) or an administrator (%3) may change the columns.</source>
        <translation>只有办公室主任（%1）、网站管理人员（%2）或系统管理员（%3）可以调整栏目。</translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;base_version&quot; (the organization&apos;s version you edited) and &quot;column&quot; (the column as GET /api/v1/organization lists it).</source>
        <translation>请发送一个 JSON 对象，包含 &quot;base_version&quot;（所编辑的组织机构版本）和 &quot;column&quot;（栏目，格式同 GET /api/v1/organization 所列）。</translation>
    </message>
    <message>
        <source>Column not saved</source>
        <translation>栏目未保存</translation>
    </message>
    <message>
        <source>The column&apos;s id (%1) is not the one of the address (%2).</source>
        <translation>栏目标识（%1）与地址中的标识（%2）不一致。</translation>
    </message>
    <message>
        <source>The columns changed meanwhile</source>
        <translation>栏目已被他人修改</translation>
    </message>
    <message>
        <source>Someone changed the organization after you loaded it (version %1 now, yours %2). Your client fetches it again; make your change there.</source>
        <translation>在您载入之后，他人修改了组织机构（当前版本 %1，您的版本 %2）。客户端将重新获取，请在最新内容上重新修改。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) for the municipal platform could not be sent lately; they are tried again by themselves (`baosong-server portal-queue`).</source>
        <translation>
            <numerusform>有 %n 条信息近来未能报送市级平台，系统会自动重试（`baosong-server portal-queue` 可查看原因）。</numerusform>
        </translation>
    </message>
    <message>
        <source>An inspection would fail the site now: too many columns are stale, long unupdated or empty (`baosong-server column-health`).</source>
        <translation>网站此时检查将不合格：超期未更新、长期未更新或空白的栏目过多（`baosong-server column-health`）。</translation>
    </message>
    <message>
        <source>Only a site administrator (%1) or an administrator may record inspection notices.</source>
        <translation>只有网站管理人员（%1）或系统管理员可以登记检查通报。</translation>
    </message>
    <message>
        <source>Send the notice as a JSON object: &quot;date&quot;, &quot;source&quot;, &quot;finding&quot;, &quot;unit_id&quot;, &quot;follow_up&quot;, &quot;closed&quot;, &quot;closed_on&quot; (and, for a change, the &quot;version&quot; you edited).</source>
        <translation>请以 JSON 对象发送通报：&quot;date&quot;、&quot;source&quot;、&quot;finding&quot;、&quot;unit_id&quot;、&quot;follow_up&quot;、&quot;closed&quot;、&quot;closed_on&quot;（修改时还需所编辑的 &quot;version&quot;）。</translation>
    </message>
    <message>
        <source>Notice not saved</source>
        <translation>通报未保存</translation>
    </message>
    <message>
        <source>No such notice</source>
        <translation>没有该通报</translation>
    </message>
    <message>
        <source>There is no inspection notice %1.</source>
        <translation>没有编号为 %1 的检查通报。</translation>
    </message>
    <message>
        <source>The notice changed meanwhile</source>
        <translation>通报已被他人修改</translation>
    </message>
    <message>
        <source>Someone changed this notice after you opened it (version %1 now, yours %2). Open it again and make your change there.</source>
        <translation>在您打开之后，他人修改了这条通报（当前版本 %1，您的版本 %2）。请重新打开后再修改。</translation>
    </message>
    <message>
        <source>Server busy</source>
        <translation>服务器繁忙</translation>
    </message>
    <message>
        <source>The item kept changing while the action was judged. Try again.</source>
        <translation>在判定此操作期间稿件一再被更改，请重试。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Baosong cannot set up the demo</source>
        <translation>报送无法建立演示数据</translation>
    </message>
    <message>
        <source>No organization yet</source>
        <translation>尚无机构信息</translation>
    </message>
    <message>
        <source>Baosong cannot open this profile</source>
        <translation>报送无法打开此用户配置</translation>
    </message>
    <message>
        <source>Baosong cannot trust the server</source>
        <translation>报送无法信任该服务器</translation>
    </message>
    <message>
        <source>Fetching your organization and items…</source>
        <translation>正在获取您的机构信息和信息条目…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The organization could not be fetched from the server yet. Start Baosong again when the server can be reached.</source>
        <translation>暂时无法从服务器获取机构信息。请在能够连接服务器时重新启动报送。</translation>
    </message>
</context>
<context>
    <name>ApprovalSlip</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Approved; confidentiality review (保密审查) attested</source>
        <translation>同意；已确认保密审查</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Approval slip</source>
        <translation>审签单</translation>
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
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Information date</source>
        <translation>信息产生日期</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>— (known to the server&apos;s history only)</source>
        <translation>—（仅见于服务器的历史记录）</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Index number</source>
        <translation>索引号</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>审批流程</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Override: %1</source>
        <translation>例外处理：%1</translation>
    </message>
    <message>
        <source>waiting for decision</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Earlier rounds</source>
        <translation>以往各轮</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>例外处理</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>%1, %2 (revision %3): %4</source>
        <translation>%1，%2（第%3稿）：%4</translation>
    </message>
    <message>
        <source>Printed %1. Item %2.</source>
        <translation>打印于 %1。信息 %2。</translation>
    </message>
    <message>
        <source>Approval slip: %1</source>
        <translation>审签单：%1</translation>
    </message>
    <message>
        <source>The approval slip could not be written to %1. Check that the folder exists and that you may write there.</source>
        <translation>无法将审签单写入 %1。请检查该文件夹是否存在，以及您是否有写入权限。</translation>
    </message>
    <message>
        <source>The printer is not available.</source>
        <translation>打印机不可用。</translation>
    </message>
    <message>
        <source>Print the approval slip</source>
        <translation>打印审签单</translation>
    </message>
</context>
<context>
    <name>AttachmentPane</name>
    <message>
        <source>Attachments:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>Attach files (you can also drop several files here or on the body)</source>
        <translation>添加附件（也可将多个文件拖放到此处或正文中）</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Insert into &amp;body</source>
        <translation>插入正文(&amp;B)</translation>
    </message>
    <message>
        <source>Show the selected picture in the body, where the cursor is</source>
        <translation>在正文光标处显示所选图片</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>单位(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. action, override, login</source>
        <translation>如 action、override、login</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>信息(&amp;I)：</translation>
    </message>
    <message>
        <source>item id</source>
        <translation>信息编号</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起(&amp;F)：</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>止(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>The events shown, for Excel and WPS</source>
        <translation>导出所显示的事件，供 Excel 和 WPS 打开</translation>
    </message>
</context>
<context>
    <name>BatchApproveDialog</name>
    <message>
        <source>Approve several items</source>
        <translation>批量同意</translation>
    </message>
    <message>
        <source>What approving the selected items will do to each:</source>
        <translation>同意所选信息后，每条信息将会：</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Now at</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>For the items at their last stage: I attest the &amp;confidentiality review (保密审查): they contain nothing classified.</source>
        <translation>对处于最后环节的信息：本人确认已进行保密审查(&amp;C)：这些信息不含任何涉密内容。</translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>Not a SHA-256 digest: %1</source>
        <translation>不是 SHA-256 摘要：%1</translation>
    </message>
    <message>
        <source>The attachment %1 is missing from %2.</source>
        <translation>附件 %1 不在 %2 中。</translation>
    </message>
    <message>
        <source>The attachment %1 is damaged: its content no longer matches its SHA-256 (%2).</source>
        <translation>附件 %1 已损坏：其内容与 SHA-256（%2）不再相符。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create the attachment folder %1.</source>
        <translation>无法创建附件文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Importing %1 was cancelled.</source>
        <translation>已取消导入 %1。</translation>
    </message>
    <message>
        <source>Cannot store %1 as %2.</source>
        <translation>无法将 %1 保存为 %2。</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>Reading %1 was cancelled.</source>
        <translation>已取消读取 %1。</translation>
    </message>
    <message>
        <source>The attachment folder %1 cannot be created.</source>
        <translation>无法创建附件文件夹 %1。</translation>
    </message>
    <message>
        <source>The upload file cannot be created: %1</source>
        <translation>无法创建上传文件：%1</translation>
    </message>
    <message>
        <source>The upload file cannot be written: %1</source>
        <translation>无法写入上传文件：%1</translation>
    </message>
    <message>
        <source>The upload file cannot be read.</source>
        <translation>无法读取上传文件。</translation>
    </message>
    <message>
        <source>The attachment cannot be stored: %1</source>
        <translation>无法保存附件：%1</translation>
    </message>
    <message>
        <source>%1 is not in the attachment folder %2.</source>
        <translation>%1 不在附件文件夹 %2 中。</translation>
    </message>
    <message>
        <source>The received content of the attachment %1 does not match its SHA-256; it was refused.</source>
        <translation>收到的附件 %1 的内容与其 SHA-256 不符，已拒收。</translation>
    </message>
    <message>
        <source>The file that arrived does not have the SHA-256 announced; nothing was stored.</source>
        <translation>收到的文件与声明的 SHA-256 不符，未作保存。</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Blocks submission</source>
        <translation>阻止报送</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>The information date %1 is in the future. Enter the date the information arose (信息产生日期): dates are facts.</source>
        <translation>信息产生日期 %1 晚于今天。请填写信息实际产生的日期：日期须据实填写。</translation>
    </message>
    <message numerus="yes">
        <source>To be published by %1 (Art. 15: within %n day(s)), at the latest %2.</source>
        <translation>
            <numerusform>应于 %1 前发布（第十五条：%n 日内），最迟 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Due soon: to be published on time this item must be published by %1 (Art. 15). Submit it now.</source>
        <translation>即将到期：该信息须于 %1 前发布方为按时发布（第十五条）。请立即报送。</translation>
    </message>
    <message numerus="yes">
        <source>Past the target date %1 (Art. 15: within %n day(s)); it must be published by %2 at the latest.</source>
        <translation>
            <numerusform>已超过发布期限 %1（第十五条：%n 日内）；最迟须于 %2 前发布。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The limit for publishing this information passed on %1 (Art. 15: at the latest %n day(s) after it arose). Check the information date, or give a reason to submit it anyway, which is recorded.</source>
        <translation>
            <numerusform>该信息的最迟发布期限已于 %1 届满（第十五条：最迟于信息产生后 %n 日内发布）。请核对信息产生日期，或填写仍要报送的理由（将被记录）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>请填写标题。</translation>
    </message>
    <message>
        <source>Write the body of the item, or attach its document.</source>
        <translation>请填写信息正文，或将其文件添加为附件。</translation>
    </message>
    <message>
        <source>Choose the column the item is published in.</source>
        <translation>请选择信息发布的栏目。</translation>
    </message>
    <message>
        <source>The column of this item no longer exists; choose another column.</source>
        <translation>该信息所属栏目已不存在；请另选栏目。</translation>
    </message>
    <message>
        <source>Enter the date the information arose (信息产生日期, Art. 15).</source>
        <translation>请填写信息产生日期（第十五条）。</translation>
    </message>
    <message>
        <source>The route definition has no route for %1 items; ask the administrator.</source>
        <translation>流程定义中没有“%1”类信息的审批流程；请联系系统管理员。</translation>
    </message>
    <message>
        <source>Enter the site the reposted item comes from (Art. 13.4).</source>
        <translation>请填写转载信息的来源网站（第十三条第四项）。</translation>
    </message>
    <message>
        <source>Enter the address (URL) of the original item.</source>
        <translation>请填写原文的网址（URL）。</translation>
    </message>
    <message>
        <source>The source address must be a web address starting with http:// or https://.</source>
        <translation>来源网址必须是以 http:// 或 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>Enter the meeting that decided it (局长办公会, 专题会议…; Art. 13.2).</source>
        <translation>请填写作出该决策的会议（局长办公会、专题会议等；第十三条第二项）。</translation>
    </message>
    <message>
        <source>Enter the date of the meeting.</source>
        <translation>请填写会议日期。</translation>
    </message>
    <message>
        <source>The meeting date %1 is in the future; a decision is published after the meeting.</source>
        <translation>会议日期 %1 晚于今天；决策信息应在会议召开后发布。</translation>
    </message>
    <message>
        <source>Enter the disclosure catalogue entry (主动公开目录) the item belongs to.</source>
        <translation>请填写该信息所属的主动公开目录条目。</translation>
    </message>
    <message>
        <source>A major policy document is published with its interpretation (Art. 10): link the interpretation item, or give a reason to submit without it, which is recorded.</source>
        <translation>重要政策性文件须与其解读同时发布（第十条）：请关联解读信息，或填写不附解读报送的理由（将被记录）。</translation>
    </message>
    <message>
        <source>A document cannot be its own interpretation; link the interpretation item.</source>
        <translation>文件不能作为自身的解读；请关联解读信息。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; does not take %2 items; choose a column for them.</source>
        <translation>栏目“%1”不收录%2类信息，请选择适合的栏目。</translation>
    </message>
    <message>
        <source>Another unit is responsible for the column &quot;%1&quot; (Art. 7), and this item&apos;s route does not pass the office: choose one of your unit&apos;s columns.</source>
        <translation>栏目“%1”由其他单位负责（第七条），且本信息的审核流程不经过办公室：请选择本单位负责的栏目。</translation>
    </message>
    <message>
        <source>Your unit is not responsible for the column &quot;%1&quot;; make sure the item belongs there (the office decides).</source>
        <translation>本单位不负责栏目“%1”，请确认信息应发布在该栏目（由办公室审定）。</translation>
    </message>
    <message>
        <source>There is no interpretation item %1 that you may see: link an existing interpretation, or remove the link and give a reason to go without it.</source>
        <translation>没有您可查看的解读信息 %1：请关联已有的解读，或取消关联并说明不附解读的理由。</translation>
    </message>
    <message>
        <source>The linked item &quot;%1&quot; is not an interpretation (it is not in a policy interpretation column): link the interpretation item.</source>
        <translation>所关联的信息“%1”不是解读（不在政策解读栏目中）：请关联解读信息。</translation>
    </message>
    <message>
        <source>The linked interpretation &quot;%1&quot; was retracted: link a current one.</source>
        <translation>所关联的解读“%1”已撤稿：请关联现行的解读。</translation>
    </message>
    <message>
        <source>The linked interpretation &quot;%1&quot; is not published yet: approve it first, so that both are on the site together (Art. 10).</source>
        <translation>所关联的解读“%1”尚未发布：请先审核发布解读，使文件与解读同步上网（第十条）。</translation>
    </message>
    <message>
        <source>Released through %1 on %2: the deadline counts from that day (Art. 9: what other channels publish is published on the site too).</source>
        <translation>已于 %2 通过%1发布：发布期限自该日起计算（第九条：通过其他方式发布的政府信息，应同时在网站发布）。</translation>
    </message>
    <message>
        <source>Choose the topic (主题分类) of the disclosure catalogue.</source>
        <translation>请选择信息公开目录的主题分类。</translation>
    </message>
    <message>
        <source>The topic &quot;%1&quot; is not a class of the catalogue&apos;s scheme; choose one from the list.</source>
        <translation>主题分类“%1”不在目录的分类体系中；请从列表中选择。</translation>
    </message>
    <message>
        <source>Choose the genre (体裁) of the document.</source>
        <translation>请选择文件的体裁。</translation>
    </message>
    <message>
        <source>The genre &quot;%1&quot; is not one of the catalogue&apos;s genres; choose one from the list.</source>
        <translation>体裁“%1”不在目录的体裁中；请从列表中选择。</translation>
    </message>
    <message>
        <source>Enter the keywords (主题词) of the document; the catalogue and search use them.</source>
        <translation>请填写文件的主题词；公开目录和站内搜索都会用到。</translation>
    </message>
    <message>
        <source>Enter the date the document was written (成文日期).</source>
        <translation>请填写文件的成文日期。</translation>
    </message>
    <message>
        <source>The date written %1 is in the future; enter the date on the document.</source>
        <translation>成文日期 %1 晚于今天；请填写文件上的日期。</translation>
    </message>
    <message>
        <source>A document in force has no replacement: set it repealed, or remove the replacing document.</source>
        <translation>现行有效的文件没有替代文件：请将其设为已废止，或取消替代文件。</translation>
    </message>
    <message>
        <source>Enter the date the document was %1.</source>
        <translation>请填写文件%1的日期。</translation>
    </message>
    <message>
        <source>The document cannot be %1 on %2, before it was written (%3).</source>
        <translation>文件不能在成文（%3）之前的 %2 %1。</translation>
    </message>
    <message>
        <source>Only a repealed document names the one that replaces it.</source>
        <translation>只有已废止的文件才需注明替代它的文件。</translation>
    </message>
    <message>
        <source>A document cannot replace itself.</source>
        <translation>文件不能替代自身。</translation>
    </message>
    <message>
        <source>There is no document %1 that you may see to name as the replacement.</source>
        <translation>没有您可查看的文件 %1 可作为替代文件。</translation>
    </message>
    <message>
        <source>The replacement &quot;%1&quot; is not a disclosure document.</source>
        <translation>替代文件“%1”不是主动公开文件。</translation>
    </message>
    <message>
        <source>Enter the date it was released through %1 (Art. 9).</source>
        <translation>请填写通过%1发布的日期（第九条）。</translation>
    </message>
    <message>
        <source>The release date %1 through %2 is in the future; enter the day it was released there.</source>
        <translation>通过%2发布的日期 %1 晚于今天；请填写实际发布的日期。</translation>
    </message>
    <message>
        <source>Name the channel (TV, newspaper…) it was released through on %1, or clear the date.</source>
        <translation>请填写 %1 发布所通过的渠道（电视、报刊等），或清除该日期。</translation>
    </message>
    <message numerus="yes">
        <source>Urgent (Art. 9): it goes ahead of every queue, every reviewer on its route is notified at once, and it is due within %n hour(s) of its submission.</source>
        <translation>
            <numerusform>紧急（第九条）：在各审核队列中优先，流程上的每位审核人立即收到通知，须在报送后 %n 小时内发布。</numerusform>
        </translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; has been retired by the office and takes no new items; choose another column.</source>
        <translation>栏目“%1”已由办公室撤销，不再接收新信息，请选择其他栏目。</translation>
    </message>
</context>
<context>
    <name>ColumnChange</name>
    <message>
        <source>A column&apos;s id is made of letters, digits, &apos;-&apos; and &apos;_&apos; (at most %1), as its address on the site shows it.</source>
        <translation>栏目标识由字母、数字、“-”和“_”组成（至多 %1 个字符），即栏目在网站上的地址名。</translation>
    </message>
    <message>
        <source>Give the column a name.</source>
        <translation>请填写栏目名称。</translation>
    </message>
    <message>
        <source>The column&apos;s name must not begin or end with spaces.</source>
        <translation>栏目名称首尾不能有空格。</translation>
    </message>
    <message>
        <source>The column&apos;s name</source>
        <translation>栏目名称</translation>
    </message>
    <message>
        <source>The column&apos;s name must be on one line.</source>
        <translation>栏目名称只能占一行。</translation>
    </message>
    <message>
        <source>The column&apos;s description</source>
        <translation>栏目说明</translation>
    </message>
    <message>
        <source>A column has at most %1 keywords.</source>
        <translation>一个栏目至多 %1 个关键词。</translation>
    </message>
    <message>
        <source>A keyword of the column is empty.</source>
        <translation>栏目有一个关键词为空。</translation>
    </message>
    <message>
        <source>A keyword of the column</source>
        <translation>栏目关键词</translation>
    </message>
    <message>
        <source>The expected interval is from 0 (none) to %1 days.</source>
        <translation>更新周期应为 0（不要求）至 %1 天。</translation>
    </message>
    <message>
        <source>The responsible unit &quot;%1&quot; is not known.</source>
        <translation>责任单位“%1”不存在。</translation>
    </message>
    <message>
        <source>A responsible unit is named twice.</source>
        <translation>有责任单位重复。</translation>
    </message>
    <message>
        <source>The parent column &quot;%1&quot; is not known.</source>
        <translation>上级栏目“%1”不存在。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is retired; a column in use cannot be placed under it.</source>
        <translation>栏目“%1”已撤销，在用栏目不能放在其下。</translation>
    </message>
    <message>
        <source>A column cannot be placed under itself or one of its own sub-columns.</source>
        <translation>栏目不能放在自身或其子栏目之下。</translation>
    </message>
    <message>
        <source>Another column at the same place is already called &quot;%1&quot;.</source>
        <translation>同一位置已有名为“%1”的栏目。</translation>
    </message>
    <message>
        <source>The sub-column &quot;%1&quot; is still in use: retire or move it first.</source>
        <translation>子栏目“%1”仍在使用，请先撤销或移走。</translation>
    </message>
</context>
<context>
    <name>ColumnHealth</name>
    <message>
        <source>Up to date</source>
        <translation>按时更新</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Not updated in time</source>
        <translation>未按时更新</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空白栏目</translation>
    </message>
    <message>
        <source>%1 columns are not updated in time: at %2 an inspection fails the site. Update them now.</source>
        <translation>%1 个栏目未按时更新：达到 %2 个时网站检查即判为不合格。请立即更新。</translation>
    </message>
    <message>
        <source>%1 columns are not updated in time; at %2 an inspection fails the site.</source>
        <translation>%1 个栏目未按时更新；达到 %2 个时网站检查即判为不合格。</translation>
    </message>
    <message>
        <source>%1 columns have not been updated for half a year: at %2 an inspection fails the site. Update them now.</source>
        <translation>%1 个栏目超过半年未更新：达到 %2 个时网站检查即判为不合格。请立即更新。</translation>
    </message>
    <message>
        <source>%1 columns have not been updated for half a year; at %2 an inspection fails the site.</source>
        <translation>%1 个栏目超过半年未更新；达到 %2 个时网站检查即判为不合格。</translation>
    </message>
    <message>
        <source>%1 columns are empty: at %2 an inspection fails the site. Publish in them or take them off the site.</source>
        <translation>%1 个栏目为空白栏目：达到 %2 个时网站检查即判为不合格。请发布信息或将其从网站撤下。</translation>
    </message>
    <message>
        <source>%1 columns are empty; at %2 an inspection fails the site.</source>
        <translation>%1 个栏目为空白栏目；达到 %2 个时网站检查即判为不合格。</translation>
    </message>
    <message>
        <source>The column health has no list of columns.</source>
        <translation>栏目更新情况中没有栏目列表。</translation>
    </message>
    <message>
        <source>A column of the column health is not readable.</source>
        <translation>栏目更新情况中有栏目无法读取。</translation>
    </message>
    <message>
        <source>The column %1 is linked on the site but nothing is published in it. Publish in it or stop listing it while empty.</source>
        <translation>栏目“%1”已在网站上显示，但其中没有发布任何信息。请在其中发布信息，或取消其无信息时的显示。</translation>
    </message>
</context>
<context>
    <name>ColumnHealthDialog</name>
    <message>
        <source>Column health</source>
        <translation>栏目更新情况</translation>
    </message>
    <message>
        <source>Only the columns my &amp;unit is responsible for</source>
        <translation>只看本单位负责的栏目(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <source>Columns</source>
        <translation>栏目管理</translation>
    </message>
    <message>
        <source>The site&apos;s columns: add, move, rename and retire them, and set who keeps each one up to date (Art. 5, 7). Every change is recorded in the audit log, reaches every client at its next sync, and the site&apos;s pages follow by themselves.</source>
        <translation>网站栏目：新增、移动、更名、撤销栏目，并确定各栏目的责任单位（第五条、第七条）。每次调整均记入审计日志，各客户端下次同步时获取，网站页面自动随之更新。</translation>
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
        <source>New &amp;column</source>
        <translation>新增栏目(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;sub-column</source>
        <translation>新增子栏目(&amp;S)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Address name</source>
        <translation>地址名</translation>
    </message>
    <message>
        <source>The column&apos;s name in its address on the site (letters, digits, &apos;-&apos; and &apos;_&apos;); it cannot change once saved.</source>
        <translation>栏目在网站地址中的名称（字母、数字、“-”和“_”），保存后不能更改。</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Placed under</source>
        <translation>上级栏目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>Expected &amp;interval</source>
        <translation>更新周期(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Responsible units</source>
        <translation>责任单位(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation>关键词(&amp;K)</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Listed on the site while it has no items</source>
        <translation>栏目无信息时也在网站上显示(&amp;L)</translation>
    </message>
    <message>
        <source>An empty column fails an inspection: by default it stays out of the navigation until something is published in it.</source>
        <translation>空白栏目在检查中不合格：默认在有信息发布前不出现在导航中。</translation>
    </message>
    <message>
        <source>Re&amp;tired: no new items, off the site&apos;s navigation (its pages stay)</source>
        <translation>撤销(&amp;T)：不再接收新信息，从网站导航中移除（页面保留）</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the bureau&apos;s server</source>
        <translation>连接本局服务器</translation>
    </message>
    <message>
        <source>Enter the address of your bureau&apos;s Baosong server, as your administrator gave it to you (for example 127.0.0.1:8443).</source>
        <translation>请输入系统管理员提供给您的本局报送服务器地址（例如 127.0.0.1:8443）。</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>I compared this fingerprint with the one from my administrator, and they are the same.</source>
        <translation>我已将此指纹与系统管理员提供的指纹核对，两者一致。</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Trust this server</source>
        <translation>信任此服务器(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>离线工作(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ContentChecker</name>
    <message>
        <source>the file is not available here.</source>
        <translation>此处无法取得该文件。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n more like this here)</source>
        <translation>
            <numerusform>%1（此处另有 %n 处类似情况）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContentScanner</name>
    <message>
        <source>Title, character %1</source>
        <translation>标题第 %1 个字符</translation>
    </message>
    <message>
        <source>Body, character %1</source>
        <translation>正文第 %1 个字符</translation>
    </message>
    <message>
        <source>Attachment “%1”</source>
        <translation>附件“%1”</translation>
    </message>
    <message>
        <source>Name of the attachment “%1”</source>
        <translation>附件“%1”的文件名</translation>
    </message>
    <message>
        <source>Attachment “%1”, character %2</source>
        <translation>附件“%1”第 %2 个字符</translation>
    </message>
    <message>
        <source>Character %1</source>
        <translation>第 %1 个字符</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>“%1” is a classification marking (密级标志): classified information must never be published. Remove it, or give a reason if it is not a marking.</source>
        <translation>“%1”是密级标志：涉密信息一律不得公开发布。请删除；如确非密级标志，请填写理由。</translation>
    </message>
    <message>
        <source>“%1” may concern classified matters: check that nothing classified is revealed.</source>
        <translation>“%1”可能涉及秘密事项：请核实未泄露涉密内容。</translation>
    </message>
    <message>
        <source>“%1” is a resident ID number (its check digit is valid): personal information must not be published. Remove it or mask it (e.g. 110105********002X).</source>
        <translation>“%1”是居民身份证号码（校验码有效）：不得公开个人信息。请删除或作脱敏处理（如 110105********002X）。</translation>
    </message>
    <message>
        <source>“%1” is a bank card number (its Luhn check digit is valid): remove it or mask it.</source>
        <translation>“%1”是银行卡号（Luhn 校验有效）：请删除或作脱敏处理。</translation>
    </message>
    <message>
        <source>“%1” is a mobile phone number: publish it only with its owner&apos;s consent (e.g. a contact line); otherwise remove it or mask it.</source>
        <translation>“%1”是手机号码：须经本人同意方可公开（如联系电话），否则请删除或作脱敏处理。</translation>
    </message>
    <message>
        <source>“%1” is a precise coordinate: surveying results this precise are often classified. Round it or remove it unless its publication was approved.</source>
        <translation>“%1”是精确坐标：此精度的测绘成果往往属于涉密信息。未经批准公开的，请降低精度或删除。</translation>
    </message>
    <message>
        <source>“%1” is on the sensitive word list: check that the item may be published.</source>
        <translation>“%1”在敏感词表中：请核实该信息可以公开。</translation>
    </message>
    <message>
        <source>“%1” is on the sensitive word list (%2): check that the item may be published.</source>
        <translation>“%1”在敏感词表中（%2）：请核实该信息可以公开。</translation>
    </message>
    <message>
        <source>“%1” is a misused word: write “%2”.</source>
        <translation>“%1”是错别字：应为“%2”。</translation>
    </message>
    <message>
        <source>The content of “%1” was not checked: %2 Check it yourself.</source>
        <translation>未检查“%1”的内容：%2请人工核查。</translation>
    </message>
    <message>
        <source>it is too large to check.</source>
        <translation>文件过大，无法检查。</translation>
    </message>
    <message>
        <source>it is damaged.</source>
        <translation>文件已损坏。</translation>
    </message>
    <message>
        <source>it is not a Word document (.docx).</source>
        <translation>不是 Word 文档（.docx）。</translation>
    </message>
    <message>
        <source>it is not an Excel workbook (.xlsx).</source>
        <translation>不是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>files of this type cannot be read.</source>
        <translation>无法读取此类文件。</translation>
    </message>
    <message>
        <source>it is not a readable .%1 file.</source>
        <translation>不是可读取的 .%1 文件。</translation>
    </message>
</context>
<context>
    <name>ContentSettings</name>
    <message>
        <source>Classification markings (密级标志)</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>Resident ID numbers</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <source>Mobile numbers (a warning)</source>
        <translation>手机号码（警告）</translation>
    </message>
    <message>
        <source>Bank card numbers</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <source>Precise coordinates</source>
        <translation>精确坐标</translation>
    </message>
    <message>
        <source>Sensitive words (the list)</source>
        <translation>敏感词（词库）</translation>
    </message>
    <message>
        <source>Misused words (the list, a warning)</source>
        <translation>易错词（词库，警告）</translation>
    </message>
    <message>
        <source>“detectors” must be an object of detector names and true or false.</source>
        <translation>“detectors”必须是由检测项名称与 true 或 false 组成的对象。</translation>
    </message>
    <message>
        <source>“%1” is not a detector that can be turned on or off (true or false).</source>
        <translation>“%1”不是可开关的检测项（true 或 false）。</translation>
    </message>
    <message>
        <source>The word lists need “version”, “sensitive” and “misused”.</source>
        <translation>词库需要包含“version”、“sensitive”和“misused”。</translation>
    </message>
</context>
<context>
    <name>CurlClient</name>
    <message>
        <source>the network library could not start a request.</source>
        <translation>网络库无法发起请求。</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be resolved (%1).</source>
        <translation>无法解析服务器名称（%1）。</translation>
    </message>
    <message>
        <source>cannot connect to the server (%1).</source>
        <translation>无法连接服务器（%1）。</translation>
    </message>
    <message>
        <source>the server stopped answering (%1).</source>
        <translation>服务器已停止响应（%1）。</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted or not made out to its address, so the connection was refused (%1).</source>
        <translation>服务器证书不受信任或与其地址不符，连接已被拒绝（%1）。</translation>
    </message>
    <message>
        <source>the secure connection to the server failed (%1).</source>
        <translation>与服务器的安全连接失败（%1）。</translation>
    </message>
    <message>
        <source>the connection to the server was lost (%1).</source>
        <translation>与服务器的连接已断开（%1）。</translation>
    </message>
    <message>
        <source>a network error occurred (%1).</source>
        <translation>发生网络错误（%1）。</translation>
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
    <message>
        <source>The deadline of urgent items is inconsistent: %1 hours, &quot;due soon&quot; in the last %2. The first must be at least 1 and the second between 0 and the first.</source>
        <translation>紧急信息的期限设置不一致：%1 小时，最后 %2 小时提示“即将到期”。前者至少为 1，后者须在 0 与前者之间。</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Decision</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Minor edits (recorded as a new revision and shown as a diff)</source>
        <translation>少量修改（记为新的修订版，并以差异对比显示）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>正文(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>评论(&amp;C)：</translation>
    </message>
    <message>
        <source>Also &amp;publish on the bureau site</source>
        <translation>同时在本局网站发布(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Override reason:</source>
        <translation>例外发布理由(&amp;O)：</translation>
    </message>
    <message>
        <source>Why it may be published anyway (recorded)</source>
        <translation>仍予发布的理由（将被记录）</translation>
    </message>
    <message>
        <source>I attest the con&amp;fidentiality review (保密审查): this item contains nothing classified.</source>
        <translation>本人确认已进行保密审查(&amp;F)：该信息不含任何涉密内容。</translation>
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
    <message>
        <source>In force</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>已修订</translation>
    </message>
    <message>
        <source>Repealed</source>
        <translation>已废止</translation>
    </message>
    <message>
        <source>Waiting to be sent to the municipal platform</source>
        <translation>待报送市政府网站平台</translation>
    </message>
    <message>
        <source>Sent to the municipal platform, in its review</source>
        <translation>已报送市政府网站平台，审核中</translation>
    </message>
    <message>
        <source>Adopted by the municipal platform</source>
        <translation>市政府网站平台已采用</translation>
    </message>
    <message>
        <source>Returned by the municipal platform</source>
        <translation>市政府网站平台已退回</translation>
    </message>
    <message>
        <source>News and updates</source>
        <translation>动态类</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知公告类</translation>
    </message>
    <message>
        <source>Policy documents</source>
        <translation>政策文件类</translation>
    </message>
    <message>
        <source>Standing information</source>
        <translation>机构概况类</translation>
    </message>
    <message>
        <source>Policy interpretations</source>
        <translation>政策解读类</translation>
    </message>
    <message>
        <source>Refused by the municipal platform</source>
        <translation>市平台拒收</translation>
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
    <message>
        <source>The field “%1” must be a list of texts.</source>
        <translation>字段“%1”必须是文本列表。</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>&amp;Delete draft…</source>
        <translation>删除草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
</context>
<context>
    <name>InspectionNotices</name>
    <message>
        <source>The notice&apos;s date is required.</source>
        <translation>请填写通报日期。</translation>
    </message>
    <message>
        <source>The notice&apos;s date (%1) is in the future.</source>
        <translation>通报日期（%1）晚于今天。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>The source</source>
        <translation>通报来源</translation>
    </message>
    <message>
        <source>The finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>The follow-up</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>The unit is required.</source>
        <translation>请选择单位。</translation>
    </message>
    <message>
        <source>There is no unit &quot;%1&quot;.</source>
        <translation>没有单位“%1”。</translation>
    </message>
    <message>
        <source>A closed notice needs the date it was closed.</source>
        <translation>已销号的通报需要填写销号日期。</translation>
    </message>
    <message>
        <source>An open notice has no closing date: mark it closed, or leave the date out.</source>
        <translation>未销号的通报不能有销号日期：请标记为已销号，或不填日期。</translation>
    </message>
    <message>
        <source>The notice cannot be closed (%1) before its date (%2).</source>
        <translation>销号日期（%1）不能早于通报日期（%2）。</translation>
    </message>
    <message>
        <source>The closing date (%1) is in the future.</source>
        <translation>销号日期（%1）晚于今天。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be text.</source>
        <translation>&quot;%1&quot; 必须是文本。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a date (YYYY-MM-DD).</source>
        <translation>&quot;%1&quot; 必须是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>&quot;closed&quot; must be true or false.</source>
        <translation>&quot;closed&quot; 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a number.</source>
        <translation>&quot;version&quot; 必须是数字。</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>The profile folder %1 cannot be created.</source>
        <translation>无法创建配置文件夹 %1。</translation>
    </message>
    <message>
        <source>This profile is already open in another Baosong window (%1, process %2 on %3). Close that window first, or open another profile.</source>
        <translation>此用户配置已在另一个报送窗口中打开（%1，%3 上的进程 %2）。请先关闭该窗口，或打开其他用户配置。</translation>
    </message>
    <message>
        <source>This profile is already open in another Baosong window. Close that window first, or open another profile.</source>
        <translation>此用户配置已在另一个报送窗口中打开。请先关闭该窗口，或打开其他用户配置。</translation>
    </message>
    <message>
        <source>The profile&apos;s lock file %1 cannot be created: permission denied.</source>
        <translation>无法创建配置的锁文件 %1：权限不足。</translation>
    </message>
    <message>
        <source>The profile&apos;s lock file %1 cannot be created.</source>
        <translation>无法创建配置的锁文件 %1。</translation>
    </message>
</context>
<context>
    <name>ItemDiff</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Information date</source>
        <translation>信息产生日期</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Source site</source>
        <translation>来源网站</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>来源网址</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Catalogue entry</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Major policy document</source>
        <translation>重要政策性文件</translation>
    </message>
    <message>
        <source>Interpretation item</source>
        <translation>解读信息</translation>
    </message>
    <message>
        <source>Also to the municipal portal</source>
        <translation>同时报送市政府网站</translation>
    </message>
    <message>
        <source>Revision %1 compared with revision %2</source>
        <translation>第%1稿与第%2稿对比</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有任何修改。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>added: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>删除：%1</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message numerus="yes">
        <source>(%n character(s) inserted</source>
        <translation>
            <numerusform>（插入 %n 个字符</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted)</source>
        <translation>
            <numerusform>删除 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题分类</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>体裁</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>主题词</translation>
    </message>
    <message>
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <source>Validity date</source>
        <translation>有效性变更日期</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>替代文件</translation>
    </message>
    <message>
        <source>Also released through</source>
        <translation>其他发布渠道</translation>
    </message>
    <message>
        <source>Released there on</source>
        <translation>其他渠道发布日期</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Item editor</source>
        <translation>信息编辑</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>The headline as it will appear on the site</source>
        <translation>在网站上显示的标题</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>The kind decides the approval route (Art. 13)</source>
        <translation>类别决定审批流程（第十三条）</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>审批流程：</translation>
    </message>
    <message>
        <source>Also report to the municipal government portal (Art. 14)</source>
        <translation>同时报送市政府网站（第十四条）</translation>
    </message>
    <message>
        <source>C&amp;olumn:</source>
        <translation>栏目(&amp;O)：</translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation>显示全部栏目</translation>
    </message>
    <message>
        <source>Also list the columns other units are responsible for</source>
        <translation>同时列出其他单位负责的栏目</translation>
    </message>
    <message>
        <source>&amp;Information date:</source>
        <translation>信息产生日期(&amp;I)：</translation>
    </message>
    <message>
        <source>The date the information arose (信息产生日期); the publication deadlines count from it (Art. 15)</source>
        <translation>信息产生的日期；发布期限自该日起计算（第十五条）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>&amp;Urgent</source>
        <translation>紧急(&amp;U)</translation>
    </message>
    <message>
        <source>A major public emergency (Art. 9): the item goes ahead of every queue</source>
        <translation>重大突发公共事件（第九条）：该信息在各审核队列中优先处理</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>发布期限：</translation>
    </message>
    <message>
        <source>Reposted from a higher-level site</source>
        <translation>转载上级网站信息</translation>
    </message>
    <message>
        <source>e.g. 四川省自然资源厅</source>
        <translation>例如：四川省自然资源厅</translation>
    </message>
    <message>
        <source>Source &amp;address:</source>
        <translation>来源网址(&amp;A)：</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Collective decision</source>
        <translation>集体决策</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>会议(&amp;M)：</translation>
    </message>
    <message>
        <source>Meeting &amp;date:</source>
        <translation>会议日期(&amp;D)：</translation>
    </message>
    <message>
        <source>The date of the meeting that decided it</source>
        <translation>作出该决策的会议日期</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>主动公开</translation>
    </message>
    <message>
        <source>Catalogue &amp;entry:</source>
        <translation>目录条目(&amp;E)：</translation>
    </message>
    <message>
        <source>The entry of the disclosure catalogue (主动公开目录)</source>
        <translation>主动公开目录中的条目</translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation>文号(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. 巴自然资规〔2026〕1号</source>
        <translation>例如：巴自然资规〔2026〕1号</translation>
    </message>
    <message>
        <source>Major policy document (published with its interpretation, Art. 10)</source>
        <translation>重要政策性文件（须与解读同时发布，第十条）</translation>
    </message>
    <message>
        <source>Inter&amp;pretation:</source>
        <translation>解读(&amp;P)：</translation>
    </message>
    <message>
        <source>Search items…</source>
        <translation>搜索信息…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>&amp;Submit for review…</source>
        <translation>报送审核(&amp;S)…</translation>
    </message>
    <message>
        <source>Run the checks and send the item to its first reviewer</source>
        <translation>进行检查，并将信息送交第一位审核人</translation>
    </message>
    <message>
        <source>Sour&amp;ce site:</source>
        <translation>来源网站(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>主题分类(&amp;T)：</translation>
    </message>
    <message>
        <source>The class of the catalogue&apos;s topic scheme (主题分类)</source>
        <translation>信息公开目录的主题分类</translation>
    </message>
    <message>
        <source>&amp;Genre:</source>
        <translation>体裁(&amp;G)：</translation>
    </message>
    <message>
        <source>The type of document (体裁: 通知, 意见, 办法…)</source>
        <translation>文件的体裁（通知、意见、办法等）</translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation>主题词(&amp;K)：</translation>
    </message>
    <message>
        <source>Keywords (主题词), separated by commas or 、</source>
        <translation>主题词，用逗号或顿号分隔</translation>
    </message>
    <message>
        <source>Date &amp;written:</source>
        <translation>成文日期(&amp;W)：</translation>
    </message>
    <message>
        <source>The date on the document (成文日期)</source>
        <translation>文件上的日期（成文日期）</translation>
    </message>
    <message>
        <source>&amp;Validity:</source>
        <translation>有效性(&amp;V)：</translation>
    </message>
    <message>
        <source>since</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The date the document was amended or repealed</source>
        <translation>文件修订或废止的日期</translation>
    </message>
    <message>
        <source>Replaced &amp;by:</source>
        <translation>替代文件(&amp;B)：</translation>
    </message>
    <message>
        <source>The document that replaces this repealed one; its page links to it</source>
        <translation>替代本废止文件的文件；本文页面将链接到它</translation>
    </message>
    <message>
        <source>Draft the interpretation…</source>
        <translation>起草解读…</translation>
    </message>
    <message>
        <source>Creates a draft of the interpretation in an interpretation column, linked to this document, and opens it</source>
        <translation>在政策解读栏目中新建解读草稿，与本文件关联并打开</translation>
    </message>
    <message>
        <source>Also released &amp;through:</source>
        <translation>其他发布渠道(&amp;T)：</translation>
    </message>
    <message>
        <source>TV, newspaper… (Art. 9); empty when not</source>
        <translation>电视、报刊等（第九条）；没有则留空</translation>
    </message>
    <message>
        <source>on</source>
        <translation>发布于</translation>
    </message>
    <message>
        <source>The day it was released there: the deadline counts from it</source>
        <translation>在该渠道发布的日期：发布期限自该日起计算</translation>
    </message>
</context>
<context>
    <name>ItemViews</name>
    <message>
        <source>My drafts</source>
        <translation>我的草稿</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>待我处理</translation>
    </message>
    <message>
        <source>Sent (in review)</source>
        <translation>已报送（审核中）</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Your drafts, and your items returned to you for revision.</source>
        <translation>您的草稿，以及退回给您修改的信息。</translation>
    </message>
    <message>
        <source>Items in review at a stage you decide.</source>
        <translation>处于由您审核环节的信息。</translation>
    </message>
    <message>
        <source>Your items on their way through review.</source>
        <translation>您报送的、正在审核流程中的信息。</translation>
    </message>
    <message>
        <source>Items on the public site.</source>
        <translation>已在公开网站上发布的信息。</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>%1 is %2 characters long; at most %3 are accepted.</source>
        <translation>%1长 %2 个字符；最多接受 %3 个字符。</translation>
    </message>
    <message>
        <source>%1 contains a control character (U+%2), which is not accepted.</source>
        <translation>%1含有控制字符（U+%2），不予接受。</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>The body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>The column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>The source site</source>
        <translation>来源网站</translation>
    </message>
    <message>
        <source>The source address</source>
        <translation>来源网址</translation>
    </message>
    <message>
        <source>The meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>The catalogue entry</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <source>The document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>The interpretation must be named by its item id (a UUID).</source>
        <translation>解读信息须以其信息编号（UUID）指明。</translation>
    </message>
    <message>
        <source>A revision has %1 attachments; at most %2 are accepted.</source>
        <translation>本版本有 %1 个附件；最多接受 %2 个。</translation>
    </message>
    <message>
        <source>Every attachment needs an id (a UUID).</source>
        <translation>每个附件都需要编号（UUID）。</translation>
    </message>
    <message>
        <source>The attachment name &quot;%1&quot; is not accepted: names may not contain path separators, control or direction characters, or be longer than %2 characters. Attach the file again.</source>
        <translation>附件名称“%1”不予接受：名称不得含有路径分隔符、控制字符或文字方向字符，长度不得超过 %2 个字符。请重新添加该文件。</translation>
    </message>
    <message>
        <source>The media type</source>
        <translation>媒体类型</translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; needs its size and SHA-256.</source>
        <translation>附件“%1”需要其大小和 SHA-256。</translation>
    </message>
    <message>
        <source>The topic</source>
        <translation>主题分类</translation>
    </message>
    <message>
        <source>The genre</source>
        <translation>体裁</translation>
    </message>
    <message>
        <source>The other channel</source>
        <translation>其他发布渠道</translation>
    </message>
    <message>
        <source>The replacing document must be named by its item id (a UUID).</source>
        <translation>替代文件须以其信息编号（UUID）指明。</translation>
    </message>
    <message>
        <source>There are %1 keywords; at most %2 are accepted.</source>
        <translation>共有 %1 个主题词；最多接受 %2 个。</translation>
    </message>
    <message>
        <source>A keyword</source>
        <translation>主题词</translation>
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
    <message>
        <source>Reading the outbox</source>
        <translation>读取待发送队列</translation>
    </message>
    <message>
        <source>Queueing an action</source>
        <translation>将操作加入待发送队列</translation>
    </message>
    <message>
        <source>Updating the outbox</source>
        <translation>更新待发送队列</translation>
    </message>
    <message>
        <source>Reading the sync state</source>
        <translation>读取同步状态</translation>
    </message>
    <message>
        <source>Saving the sync state</source>
        <translation>保存同步状态</translation>
    </message>
    <message>
        <source>Saving items failed: %1 items, %2 JSON objects.</source>
        <translation>保存信息失败：%1 条信息，%2 个 JSON 对象。</translation>
    </message>
    <message>
        <source>Updating the search index failed: %1</source>
        <translation>更新搜索索引失败：%1</translation>
    </message>
    <message>
        <source>Reading the search index failed: %1</source>
        <translation>读取搜索索引失败：%1</translation>
    </message>
    <message>
        <source>Searching failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>The local store is damaged; nothing more is written into it.</source>
        <translation>本地数据库已损坏，不再向其写入任何内容。</translation>
    </message>
    <message>
        <source>The local store could not be written: the disk is full. What was saved before is kept; this change was not saved. Free some disk space and try again.</source>
        <translation>无法写入本地数据库：磁盘已满。此前保存的内容仍在，本次修改未保存。请释放磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The local store could not be written: the disk reported an input/output error. What was saved before is kept; this change was not saved. Check the disk and try again.</source>
        <translation>无法写入本地数据库：磁盘报告输入/输出错误。此前保存的内容仍在，本次修改未保存。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The local store could not be written: its file or folder is read-only. What was saved before is kept; this change was not saved. Make them writable and try again.</source>
        <translation>无法写入本地数据库：其文件或文件夹为只读。此前保存的内容仍在，本次修改未保存。请将其设为可写后重试。</translation>
    </message>
    <message>
        <source>The local store “%1” could not be moved aside. Nothing was deleted.</source>
        <translation>无法将本地数据库“%1”移到一旁。未删除任何内容。</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>the search index could not be set up</source>
        <translation>无法建立搜索索引</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Baosong</source>
        <translation>报送</translation>
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
    <message>
        <source>What to list: choose a view, then narrow it with a column below</source>
        <translation>列出内容：先选择视图，再通过下方栏目进一步筛选</translation>
    </message>
    <message>
        <source>Click a column to list only its items; click it again to list all columns</source>
        <translation>单击栏目只列出该栏目的信息；再次单击则列出全部栏目</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>信息(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>新建草稿(&amp;N)</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the selected item (Enter)</source>
        <translation>打开所选信息（Enter）</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>撤回(&amp;W)…</translation>
    </message>
    <message>
        <source>Take the selected item back from review, to change it</source>
        <translation>将所选信息从审核中撤回，以便修改</translation>
    </message>
    <message>
        <source>&amp;Delete draft…</source>
        <translation>删除草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Switch server or &amp;account…</source>
        <translation>切换服务器或账户(&amp;A)…</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Only items of this kind</source>
        <translation>只显示此类别的信息</translation>
    </message>
    <message>
        <source>Only items of this unit</source>
        <translation>只显示此单位的信息</translation>
    </message>
    <message>
        <source>Only items in this state</source>
        <translation>只显示此状态的信息</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>Tell me when items reach my queue, and when my items are returned or published</source>
        <translation>有信息进入我的待办、我的信息被退回或发布时通知我</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>同意(&amp;A)…</translation>
    </message>
    <message>
        <source>Approve the selected item at its current stage (A)</source>
        <translation>在当前环节同意所选信息（A）</translation>
    </message>
    <message>
        <source>&amp;Return…</source>
        <translation>退回(&amp;R)…</translation>
    </message>
    <message>
        <source>Return the selected item to its author, with a reason (R)</source>
        <translation>将所选信息退回作者，并说明理由（R）</translation>
    </message>
    <message>
        <source>Approve &amp;selected…</source>
        <translation>同意所选信息(&amp;S)…</translation>
    </message>
    <message>
        <source>Approve all selected items at once: see first what happens to each</source>
        <translation>一次同意所有所选信息：先查看每条信息将如何处理</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Keep my session in a file on this computer</source>
        <translation>在本机文件中保存登录会话</translation>
    </message>
    <message>
        <source>Where there is no system keychain: keep the session in a file only you can read, so that you need not sign in at every start</source>
        <translation>系统没有钥匙串时：把登录会话保存在只有您能读取的文件中，这样每次启动无需重新登录</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>搜索(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Oversight</source>
        <translation>监督(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Word lists and content checks…</source>
        <translation>词库与内容检查(&amp;W)…</translation>
    </message>
    <message>
        <source>The sensitive and misused word lists and the detectors every client and the server run (site administrators)</source>
        <translation>敏感词库、易错词库以及各客户端和服务器运行的检测项（网站管理人员）</translation>
    </message>
    <message>
        <source>&amp;Column health…</source>
        <translation>栏目更新情况(&amp;C)…</translation>
    </message>
    <message>
        <source>Which columns are up to date, due soon, not updated in time or empty</source>
        <translation>哪些栏目按时更新、即将到期、未按时更新或为空白栏目</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
    <message>
        <source>The quarter&apos;s figures per unit and column, with charts and a CSV export</source>
        <translation>按单位、按栏目的季度统计，含图表和 CSV 导出</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Read and filter the audit log (the auditor and the administrators)</source>
        <translation>查阅和筛选审计日志（审计人员和系统管理员）</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>栏目管理(&amp;C)…</translation>
    </message>
    <message>
        <source>Add, move, rename and retire the site&apos;s columns and set who keeps them up to date (the office)</source>
        <translation>新增、移动、更名、撤销网站栏目，确定责任单位（办公室）</translation>
    </message>
    <message>
        <source>Accountability &amp;register…</source>
        <translation>责任追究台账(&amp;R)…</translation>
    </message>
    <message>
        <source>Per unit: columns left stale, the route check, overrides, corrections and retractions, late items and inspection notices</source>
        <translation>按单位：超期未更新栏目、审核流程核查、强制通过、更正与撤回、超期信息和检查通报</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>Urgent item waits for you</source>
        <translation>有紧急信息待您处理</translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s) wait for you</source>
        <translation>
            <numerusform>有 %n 条新信息待您处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Returned to you for revision</source>
        <translation>已退回给您修改</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of yours published</source>
        <translation>
            <numerusform>您的 %n 条信息已发布</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was restored from a backup</source>
        <translation>服务器已从备份恢复</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of yours it no longer had were sent to it again.</source>
        <translation>
            <numerusform>服务器上已丢失的您的 %n 条信息已重新发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of yours were sent to it again; %1 need your step again (submit again or check).</source>
        <translation>
            <numerusform>您的 %n 条信息已重新发送；其中 %1 条需要您再次操作（重新报送或核对）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Urgent item on its way to you (Art. 9)</source>
        <translation>紧急信息即将交您审核（第九条）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1（剩 %n 天）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) of your unit need an update soon</source>
        <translation>
            <numerusform>本单位有 %n 个栏目需尽快更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) of your unit are not updated in time</source>
        <translation>
            <numerusform>本单位有 %n 个栏目未按时更新</numerusform>
        </translation>
    </message>
    <message>
        <source>Not updated in time: %1</source>
        <translation>未按时更新：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Due soon: %1</source>
        <translation>即将到期：%1</translation>
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
    <name>PortalSender</name>
    <message>
        <source>The municipal platform does not accept the account %1.</source>
        <translation>市政府网站平台不接受账户 %1。</translation>
    </message>
    <message>
        <source>Signing in on the municipal platform as %1 failed: %2</source>
        <translation>以 %1 登录市政府网站平台失败：%2</translation>
    </message>
    <message>
        <source>No municipal platform is configured ([municipal] url).</source>
        <translation>未配置市政府网站平台（[municipal] url）。</translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; cannot be read here: %2</source>
        <translation>本机无法读取附件“%1”：%2</translation>
    </message>
    <message>
        <source>Stopped while sending &quot;%1&quot;; it resumes at the next start.</source>
        <translation>发送“%1”时已停止；下次启动时将继续。</translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; is shorter here than its record says.</source>
        <translation>本机的附件“%1”比记录的短。</translation>
    </message>
    <message>
        <source>Approved through the bureau&apos;s own route (Art. 14) before it was sent.</source>
        <translation>报送前已按本局审核流程审批（第十四条）。</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>The server answered %1.</source>
        <translation>服务器返回了 %1。</translation>
    </message>
    <message>
        <source>(request %1)</source>
        <translation>（请求编号 %1）</translation>
    </message>
    <message>
        <source>This step is not yours to take: another role decides it.</source>
        <translation>此操作不由您办理：应由其他角色审核。</translation>
    </message>
    <message>
        <source>This step is not yours to take: your role covers other units.</source>
        <translation>此操作不由您办理：您的角色负责其他单位。</translation>
    </message>
    <message>
        <source>Nobody may decide on their own item or revision; another reviewer must decide.</source>
        <translation>任何人不得审核自己的信息或修改稿，须由其他审核人审核。</translation>
    </message>
    <message>
        <source>Only the author of this item can do that.</source>
        <translation>只有该信息的撰稿人才能这样做。</translation>
    </message>
    <message>
        <source>The item is at another stage: no stage may be skipped.</source>
        <translation>该信息处于其他审核环节：不得越级。</translation>
    </message>
    <message>
        <source>An earlier stage has not approved this item yet.</source>
        <translation>前一审核环节尚未通过该信息。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the information centre.</source>
        <translation>此账号已停用，请联系信息中心。</translation>
    </message>
    <message>
        <source>You decided another stage of this item already; each stage is decided by another person.</source>
        <translation>您已审核过该信息的另一环节；每个环节须由不同的人审核。</translation>
    </message>
    <message>
        <source>The item changed since you saw it. Look at the new version, then decide again.</source>
        <translation>您查看后该信息已有变化。请查看新版本后再审核。</translation>
    </message>
    <message>
        <source>The item is no longer in a state where this step applies.</source>
        <translation>该信息当前的状态已不适用此操作。</translation>
    </message>
    <message>
        <source>This stage was decided meanwhile. Look at the item again.</source>
        <translation>此环节已由他人审核。请重新查看该信息。</translation>
    </message>
    <message>
        <source>Give a reason for this step.</source>
        <translation>请填写此操作的理由。</translation>
    </message>
    <message>
        <source>The item needs at least a title. Add one and send it again.</source>
        <translation>信息至少需要标题。请填写标题后重新发送。</translation>
    </message>
    <message>
        <source>The last stage must confirm the confidentiality review (保密审查).</source>
        <translation>最后一个审核环节须确认已进行保密审查。</translation>
    </message>
    <message>
        <source>A major policy document needs its interpretation linked, or a recorded reason.</source>
        <translation>重大政策文件须关联其政策解读，或填写记录在案的理由。</translation>
    </message>
    <message>
        <source>The server&apos;s checks stop this step. Open the item: its checks say what to change.</source>
        <translation>服务器检查未通过，无法进行此操作。请打开该信息，按检查结果修改。</translation>
    </message>
    <message>
        <source>These edits are more than minor. Return the item to its author instead.</source>
        <translation>这些修改已超出少量修改的范围，请退回撰稿人修改。</translation>
    </message>
    <message>
        <source>The item is live on the site: to take it off, its unit proposes a retraction.</source>
        <translation>该信息已在网站发布：如需撤下，须由其所属单位提出撤稿。</translation>
    </message>
    <message>
        <source>An attachment is not on the server for you. Attach the file again from your computer.</source>
        <translation>有附件在服务器上不属于您可用的文件，请从本机重新添加该文件。</translation>
    </message>
</context>
<context>
    <name>RegisterCalculator</name>
    <message>
        <source>The item is not on the server.</source>
        <translation>服务器上没有该信息。</translation>
    </message>
    <message>
        <source>The publication has no record in the audit log.</source>
        <translation>审计日志中没有这次发布的记录。</translation>
    </message>
    <message>
        <source>No approval was recorded at its publication.</source>
        <translation>发布时没有记录任何审核。</translation>
    </message>
    <message>
        <source>No route is defined for its kind.</source>
        <translation>该类信息没有定义审核流程。</translation>
    </message>
    <message>
        <source>Published without the approval of: %1.</source>
        <translation>发布时缺少以下审核：%1。</translation>
    </message>
    <message>
        <source>Stale columns</source>
        <translation>超期未更新栏目</translation>
    </message>
    <message>
        <source>Days stale</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <source>Publications checked</source>
        <translation>核查的发布次数</translation>
    </message>
    <message>
        <source>Without the full route</source>
        <translation>未走完审核流程</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>强制通过</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Retractions</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Late items</source>
        <translation>超期信息</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通报</translation>
    </message>
    <message>
        <source>Open notices</source>
        <translation>未销号通报</translation>
    </message>
    <message>
        <source>Accountability register</source>
        <translation>责任追究台账</translation>
    </message>
    <message>
        <source>Judged to</source>
        <translation>统计截至</translation>
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
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation>更新周期（天）</translation>
    </message>
    <message>
        <source>Last published</source>
        <translation>最近发布</translation>
    </message>
    <message>
        <source>Stale from</source>
        <translation>超期起始</translation>
    </message>
    <message>
        <source>Stale to</source>
        <translation>超期截止</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Still stale</source>
        <translation>仍未更新</translation>
    </message>
    <message>
        <source>never (empty)</source>
        <translation>从未发布（空白）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Route check</source>
        <translation>审核流程核查</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>信息数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Required stages</source>
        <translation>应经审核环节</translation>
    </message>
    <message>
        <source>Missing stages</source>
        <translation>缺少的环节</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Corrections and retractions</source>
        <translation>更正与撤回</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>起算日期</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Inspection notices</source>
        <translation>检查通报</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The register is not readable (no period or units).</source>
        <translation>台账无法读取（缺少期间或单位）。</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Accountability register</source>
        <translation>责任追究台账</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>By &amp;unit</source>
        <translation>按单位(&amp;U)</translation>
    </message>
    <message>
        <source>S&amp;tale columns</source>
        <translation>超期栏目(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Route check</source>
        <translation>流程核查(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Overrides</source>
        <translation>强制通过(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Corrections and retractions</source>
        <translation>更正与撤回(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Late items</source>
        <translation>超期信息(&amp;L)</translation>
    </message>
    <message>
        <source>Inspection &amp;notices</source>
        <translation>检查通报(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add notice…</source>
        <translation>登记通报(&amp;A)…</translation>
    </message>
    <message>
        <source>Record an inspection notice (site administrators)</source>
        <translation>登记一条检查通报（网站管理人员）</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>C&amp;lose notice…</source>
        <translation>销号(&amp;L)…</translation>
    </message>
    <message>
        <source>Record the follow-up and the day the notice was closed</source>
        <translation>登记整改情况和销号日期</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 &amp;CSV…</translation>
    </message>
    <message>
        <source>For Excel and WPS (UTF-8 with a byte-order mark)</source>
        <translation>供 Excel 和 WPS 打开（带 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <source>Provincial government-affairs openness office, quarterly inspection</source>
        <translation>省政务公开办季度检查</translation>
    </message>
    <message>
        <source>Municipal government office, spot check</source>
        <translation>市政府办公室抽查</translation>
    </message>
    <message>
        <source>General Office of the State Council, spot check of government websites</source>
        <translation>国务院办公厅政府网站抽查</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Conflict: the item changed on the server</source>
        <translation>冲突：该信息已在服务器上被修改</translation>
    </message>
    <message>
        <source>&amp;Take theirs (drop my action)</source>
        <translation>采用服务器的版本(&amp;T)（放弃我的操作）</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Attachments</source>
        <translation>附件(&amp;A)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <source>Chec&amp;ks</source>
        <translation>检查(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>审批流程(&amp;R)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Re&amp;fresh from the server</source>
        <translation>从服务器刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Approve with &amp;edits…</source>
        <translation>少量修改后同意(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>评论(&amp;C)…</translation>
    </message>
    <message>
        <source>Approval slip as P&amp;DF…</source>
        <translation>将审签单导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Pr&amp;int approval slip…</source>
        <translation>打印审签单(&amp;I)…</translation>
    </message>
    <message>
        <source>Keep &amp;mine (send it again on the current version)</source>
        <translation>保留我的操作(&amp;M)（基于当前版本重新发送）</translation>
    </message>
    <message>
        <source>Chan&amp;ges</source>
        <translation>修改内容(&amp;G)</translation>
    </message>
    <message>
        <source>Do&amp;wnload missing</source>
        <translation>下载缺失的附件(&amp;W)</translation>
    </message>
    <message>
        <source>Appro&amp;ve…</source>
        <translation>同意(&amp;V)…</translation>
    </message>
    <message>
        <source>Retur&amp;n…</source>
        <translation>退回(&amp;N)…</translation>
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
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Only a draft that was never published can be deleted.</source>
        <translation>只有从未发布过的草稿才能删除。</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; was decided meanwhile; the item is now at &quot;%2&quot;. Look at it again.</source>
        <translation>“%1”环节已由他人审批；该信息现处于“%2”环节。请重新查看。</translation>
    </message>
    <message>
        <source>The route definition&apos;s &quot;minor_edit_limit_percent&quot; must be a whole number from 0 to 100.</source>
        <translation>审核流程定义中的“minor_edit_limit_percent”必须是 0 到 100 之间的整数。</translation>
    </message>
    <message>
        <source>This item is live on the bureau site: its change is published there too. To take the page off the site, its unit proposes a retraction.</source>
        <translation>本信息已在本局网站发布：其修改也须在本局网站发布。如需将页面撤下，请由本单位提出撤稿申请。</translation>
    </message>
    <message>
        <source>the column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>the information date</source>
        <translation>信息产生日期</translation>
    </message>
    <message>
        <source>the major-policy flag</source>
        <translation>重要政策性文件标记</translation>
    </message>
    <message>
        <source>the interpretation link</source>
        <translation>解读关联</translation>
    </message>
    <message>
        <source>the municipal-portal flag</source>
        <translation>报送市政府网站标记</translation>
    </message>
    <message>
        <source>the meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>the attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Minor edits may not change %1: return the item to its author, who changes it and submits it again.</source>
        <translation>小幅修改不得更改%1：请退回作者，由作者修改后重新报送。</translation>
    </message>
    <message>
        <source>These edits change about %1 of %2 characters; more than %3% is not a minor edit. Return the item to its author instead.</source>
        <translation>本次修改约改动了 %2 个字符中的 %1 个；超过 %3% 不属于小幅修改。请改为退回作者。</translation>
    </message>
    <message>
        <source>You decided the stage &quot;%1&quot; of this item already; each stage is decided by another person. Another %2 decides &quot;%3&quot;.</source>
        <translation>您已审核过本信息的“%1”环节；每个环节须由不同的人审核。“%3”环节由另一位%2审核。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: &quot;escalation&quot; must be a list of roles with their scopes.</source>
        <translation>路由“%1”的环节“%2”：“escalation”必须是角色及其范围的列表。</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: the escalation names a role twice.</source>
        <translation>路由“%1”的环节“%2”：上移审核（escalation）中同一角色出现了两次。</translation>
    </message>
    <message>
        <source>The item changed since you saw it (someone saved or decided it meanwhile). Look at the item as it is now, then try again.</source>
        <translation>您查看之后，该信息已有变化（其间有人保存或作出了决定）。请查看其当前内容后再试。</translation>
    </message>
    <message>
        <source>the validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <source>the other channel&apos;s release</source>
        <translation>其他渠道的发布信息</translation>
    </message>
</context>
<context>
    <name>ServerCli</name>
    <message>
        <source>The password file %1 cannot be read: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;.</source>
        <translation>未知的角色“%1”。</translation>
    </message>
    <message>
        <source>baosong-server %1 serving https://%2:%3/api/v1/ (store: %4)</source>
        <translation>baosong-server %1 正在提供服务：https://%2:%3/api/v1/（数据库：%4）</translation>
    </message>
    <message>
        <source>certificate SHA-256 fingerprint: %1</source>
        <translation>证书 SHA-256 指纹：%1</translation>
    </message>
    <message>
        <source>baosong-server stopped</source>
        <translation>baosong-server 已停止</translation>
    </message>
    <message>
        <source>libsodium could not be initialised.</source>
        <translation>无法初始化 libsodium。</translation>
    </message>
    <message>
        <source>The configuration file (default: baosong-server.ini in the data folder).</source>
        <translation>配置文件（默认：数据文件夹中的 baosong-server.ini）。</translation>
    </message>
    <message>
        <source>The data folder (default: ~/.local/share/Baosong/server).</source>
        <translation>数据文件夹（默认：~/.local/share/Baosong/server）。</translation>
    </message>
    <message>
        <source>init: the administrator&apos;s login (default: admin).</source>
        <translation>init：管理员的用户名（默认：admin）。</translation>
    </message>
    <message>
        <source>Read the password from this file.</source>
        <translation>从此文件读取密码。</translation>
    </message>
    <message>
        <source>import: give people without a password a random one, written to this file.</source>
        <translation>import：为没有密码的人员生成随机密码，并写入此文件。</translation>
    </message>
    <message>
        <source>The name.</source>
        <translation>名称。</translation>
    </message>
    <message>
        <source>The person&apos;s unit.</source>
        <translation>人员所属单位。</translation>
    </message>
    <message>
        <source>The person&apos;s job title.</source>
        <translation>人员职务。</translation>
    </message>
    <message>
        <source>A role: ROLE:UNIT,UNIT or ROLE:* (bureau-wide).</source>
        <translation>角色：ROLE:单位,单位 或 ROLE:*（全局）。</translation>
    </message>
    <message>
        <source>Unit or column type.</source>
        <translation>单位或栏目类型。</translation>
    </message>
    <message>
        <source>The unit&apos;s code for index numbers.</source>
        <translation>单位用于索引号的代码。</translation>
    </message>
    <message>
        <source>The parent column.</source>
        <translation>上级栏目。</translation>
    </message>
    <message>
        <source>Responsible units, comma-separated.</source>
        <translation>责任单位，以逗号分隔。</translation>
    </message>
    <message>
        <source>Expected update interval in days.</source>
        <translation>应更新周期（天）。</translation>
    </message>
    <message>
        <source>audit list: the first sequence number.</source>
        <translation>audit list：起始序号。</translation>
    </message>
    <message>
        <source>made a self-signed certificate: %1 (key %2, readable only by you)</source>
        <translation>已生成自签名证书：%1（私钥 %2，仅您本人可读）</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>administrator %1 created</source>
        <translation>已创建管理员 %1</translation>
    </message>
    <message>
        <source>store: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>import needs the organization file.</source>
        <translation>import 需要指定机构文件。</translation>
    </message>
    <message>
        <source>imported %1: %2 units, %3 people, %4 columns</source>
        <translation>已导入 %1：%2 个单位、%3 名人员、%4 个栏目</translation>
    </message>
    <message>
        <source>passwords of new accounts: %1 (readable only by you)</source>
        <translation>新账户的密码：%1（仅您本人可读）</translation>
    </message>
    <message>
        <source>	(disabled)</source>
        <translation>	（已停用）</translation>
    </message>
    <message>
        <source>user %1 needs the person&apos;s login.</source>
        <translation>user %1 需要指定人员的用户名。</translation>
    </message>
    <message>
        <source>user add needs --name.</source>
        <translation>user add 需要 --name。</translation>
    </message>
    <message>
        <source>person %1 saved; set a password with: user passwd %1</source>
        <translation>已保存人员 %1；请用以下命令设置密码：user passwd %1</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>%1 的新密码：</translation>
    </message>
    <message>
        <source>password of %1 set</source>
        <translation>已设置 %1 的密码</translation>
    </message>
    <message>
        <source>%1 disabled; their sessions are ended</source>
        <translation>%1 已停用；其所有会话已结束</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 已启用</translation>
    </message>
    <message>
        <source>user: say list, add, passwd, disable or enable.</source>
        <translation>user：请指定 list、add、passwd、disable 或 enable。</translation>
    </message>
    <message>
        <source>unit add needs --name and --type (office, section, district_bureau, affiliated_unit, information_centre).</source>
        <translation>unit add 需要 --name 和 --type（office、section、district_bureau、affiliated_unit、information_centre）。</translation>
    </message>
    <message>
        <source>unit %1 saved</source>
        <translation>已保存单位 %1</translation>
    </message>
    <message>
        <source>unit: say list, or add ID --name N --type T.</source>
        <translation>unit：请指定 list，或 add ID --name N --type T。</translation>
    </message>
    <message>
        <source>Unknown column type &quot;%1&quot; (dynamic, notice, policy, static).</source>
        <translation>未知的栏目类型“%1”（dynamic、notice、policy、static）。</translation>
    </message>
    <message>
        <source>column add needs --name.</source>
        <translation>column add 需要 --name。</translation>
    </message>
    <message>
        <source>column %1 saved</source>
        <translation>已保存栏目 %1</translation>
    </message>
    <message>
        <source>column: say list, or add ID --name N.</source>
        <translation>column：请指定 list，或 add ID --name N。</translation>
    </message>
    <message>
        <source>backup needs the path of the snapshot to write.</source>
        <translation>backup 需要指定快照的写入路径。</translation>
    </message>
    <message>
        <source>backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <source>audit chain BROKEN at event %1: %2</source>
        <translation>审计链在事件 %1 处断裂：%2</translation>
    </message>
    <message>
        <source>audit chain intact: %1 events</source>
        <translation>审计链完整：共 %1 条事件</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot; (see --help).</source>
        <translation>未知的命令“%1”（参见 --help）。</translation>
    </message>
    <message>
        <source>public site: https://%1:%2/ (folder %3)</source>
        <translation>公开网站：https://%1:%2/（文件夹 %3）</translation>
    </message>
    <message>
        <source>public site: written to %1 (served by the bureau&apos;s web server)</source>
        <translation>公开网站：已写入 %1（由本局的网站服务器提供访问）</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>site %1 republished: %2 files written, %3 unchanged, %4 removed</source>
        <translation>网站 %1 已重新发布：写入 %2 个文件，%3 个未变，删除 %4 个</translation>
    </message>
    <message>
        <source>init [--admin ID] [--password-file F]   create config, store, administrator, certificate</source>
        <translation>init [--admin ID] [--password-file F]   创建配置、数据库、管理员和证书</translation>
    </message>
    <message>
        <source>serve                                    serve the HTTPS API</source>
        <translation>serve                                    提供 HTTPS API 服务</translation>
    </message>
    <message>
        <source>import FILE [--passwords-out F]          load an organization file</source>
        <translation>import FILE [--passwords-out F]          导入机构文件</translation>
    </message>
    <message>
        <source>user list | add ID --name N [--unit U] [--title T] --grant ROLE[:UNITS|:*] ...
       | passwd ID [--password-file F] | disable ID | enable ID</source>
        <translation>user list | add ID --name N [--unit U] [--title T] --grant ROLE[:UNITS|:*] ...
       | passwd ID [--password-file F] | disable ID | enable ID（列出、添加人员，设置密码，停用、启用）</translation>
    </message>
    <message>
        <source>unit list | add ID --name N --type T [--code C]</source>
        <translation>unit list | add ID --name N --type T [--code C]（列出、添加单位）</translation>
    </message>
    <message>
        <source>column list | add ID --name N [--parent P] [--type T] [--units U,V] [--interval DAYS]</source>
        <translation>column list | add ID --name N [--parent P] [--type T] [--units U,V] [--interval DAYS]（列出、添加栏目）</translation>
    </message>
    <message>
        <source>backup PATH                              consistent snapshot while serving (SQLite)</source>
        <translation>backup PATH                              在服务运行时生成一致的快照（SQLite）</translation>
    </message>
    <message>
        <source>republish                                rebuild the public site from the store</source>
        <translation>republish                                根据数据库重建公开网站</translation>
    </message>
    <message>
        <source>Baosong site server.</source>
        <translation>报送网站服务器。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Say what to do: %1 (see --help).</source>
        <translation>请指定要执行的命令：%1（参见 --help）。</translation>
    </message>
    <message>
        <source>audit chain intact: %1 events, the last one matching the keyed checkpoint</source>
        <translation>审计链完整：共 %1 条事件，最后一条与密钥检查点一致</translation>
    </message>
    <message>
        <source>audit checkpoint: the store has no keyed checkpoint yet (no audit key, or no event).</source>
        <translation>审计检查点：数据存储尚无密钥检查点（未配置审计密钥，或尚无事件）。</translation>
    </message>
    <message>
        <source>audit checkpoint: event %1, hash %2, key mac %3</source>
        <translation>审计检查点：事件 %1，哈希 %2，密钥校验码 %3</translation>
    </message>
    <message>
        <source>audit: say verify, checkpoint or list.</source>
        <translation>audit：请指定 verify、checkpoint 或 list。</translation>
    </message>
    <message>
        <source>audit verify | checkpoint | list [--from N]  check the audit chain, print its keyed head, or list it</source>
        <translation>audit verify | checkpoint | list [--from N]  校验审计链、输出其密钥检查点或列出事件</translation>
    </message>
    <message>
        <source>new epoch %1: clients will send again what this store lacks</source>
        <translation>新纪元 %1：客户端将重新发送本数据库缺少的内容</translation>
    </message>
    <message>
        <source>restored                                 after restoring a backup: a new epoch, so clients re-send what it lacks</source>
        <translation>restored                                 恢复备份之后：生成新纪元，客户端据此重新发送缺少的内容</translation>
    </message>
    <message>
        <source>the site could not be updated: %1</source>
        <translation>网站未能更新：%1</translation>
    </message>
    <message>
        <source>render-queue: say nothing (to see it) or run.</source>
        <translation>render-queue：不带参数（查看）或 run。</translation>
    </message>
    <message>
        <source>%1 item(s) waiting for their pages, %2 failing</source>
        <translation>%1 条信息等待生成页面，%2 条失败</translation>
    </message>
    <message>
        <source>oldest queued at %1</source>
        <translation>最早排队于 %1</translation>
    </message>
    <message>
        <source>last error: %1; next try at %2</source>
        <translation>最近错误：%1；下次重试于 %2</translation>
    </message>
    <message>
        <source>render-queue [run]                       the site&apos;s pages waiting to be written; run: write them now</source>
        <translation>render-queue [run]                       等待生成的网站页面；run：立即生成</translation>
    </message>
    <message numerus="yes">
        <source>last %1 (%n day(s) ago)</source>
        <translation>
            <numerusform>最近 %1（%n 天前）</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing published</source>
        <translation>尚无发布</translation>
    </message>
    <message>
        <source>	long unupdated</source>
        <translation>	长期未更新</translation>
    </message>
    <message>
        <source>stale %1 of %2, long unupdated %3 of %4, empty %5 of %6</source>
        <translation>未按时更新 %1（限 %2），长期未更新 %3（限 %4），空白栏目 %5（限 %6）</translation>
    </message>
    <message>
        <source>the municipal portal&apos;s outbox could not be worked: %1</source>
        <translation>无法处理市政府网站平台的待发队列：%1</translation>
    </message>
    <message>
        <source>portal-queue: say nothing (to see it) or run.</source>
        <translation>portal-queue：不带参数（查看）或 run。</translation>
    </message>
    <message>
        <source>%1 item(s) waiting to be sent to the municipal platform, %2 awaiting its decision, %3 failing</source>
        <translation>%1 条信息待报送市政府网站平台，%2 条等待其审核结果，%3 条失败</translation>
    </message>
    <message>
        <source>column-health                            each column&apos;s last update and state; the inspection&apos;s counts (exit 1: failing)</source>
        <translation>column-health                            各栏目最近更新及状态；检查指标计数（不合格时退出码为 1）</translation>
    </message>
    <message>
        <source>portal-queue [run]                       items for the municipal platform (Art. 14); run: send and ask now</source>
        <translation>portal-queue [run]                       报送市政府网站平台的信息（第十四条）；run：立即发送并查询</translation>
    </message>
    <message>
        <source>	retired</source>
        <translation>	已撤销</translation>
    </message>
    <message>
        <source>	not listed on the site</source>
        <translation>	未在网站上显示</translation>
    </message>
</context>
<context>
    <name>ServerConfig</name>
    <message>
        <source>The setting %1 must be a whole number from %2 to %3 (it is &quot;%4&quot;).</source>
        <translation>设置项 %1 必须是 %2 到 %3 之间的整数（当前为“%4”）。</translation>
    </message>
    <message>
        <source>The setting %1 must be a whole number of at least %2 (it is &quot;%3&quot;).</source>
        <translation>设置项 %1 必须是不小于 %2 的整数（当前为“%3”）。</translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read.</source>
        <translation>无法读取配置文件 %1。</translation>
    </message>
    <message>
        <source>The setting store/driver must be QSQLITE or QPSQL (it is &quot;%1&quot;).</source>
        <translation>设置项 store/driver 必须是 QSQLITE 或 QPSQL（当前为“%1”）。</translation>
    </message>
    <message>
        <source>The database password file %1 cannot be read: %2</source>
        <translation>无法读取数据库密码文件 %1：%2</translation>
    </message>
    <message>
        <source>The folder of %1 cannot be created.</source>
        <translation>无法创建 %1 所在的文件夹。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The setting server/language must be zh_CN or en (it is &quot;%1&quot;).</source>
        <translation>设置项 server/language 必须是 zh_CN 或 en（当前为“%1”）。</translation>
    </message>
    <message>
        <source>The setting blobs/chunk_size must be at most %1 bytes (it is %2).</source>
        <translation>设置项 blobs/chunk_size 不能超过 %1 字节（当前为 %2）。</translation>
    </message>
    <message>
        <source>The setting site/url must be the site&apos;s public http or https address (it is &quot;%1&quot;).</source>
        <translation>设置项 site/url 必须是网站的公开 http 或 https 地址（当前为“%1”）。</translation>
    </message>
    <message>
        <source>The setting municipal/url must be the municipal platform&apos;s https address (it is &quot;%1&quot;).</source>
        <translation>设置 municipal/url 必须是市政府网站平台的 https 地址（当前为“%1”）。</translation>
    </message>
    <message>
        <source>The municipal platform needs municipal/login and a readable municipal/password_file (%1).</source>
        <translation>市政府网站平台需要 municipal/login 和可读取的 municipal/password_file（%1）。</translation>
    </message>
    <message>
        <source>[scoring]: %1</source>
        <translation>[scoring]：%1</translation>
    </message>
</context>
<context>
    <name>ServerStore</name>
    <message>
        <source>the counter “%1” is missing</source>
        <translation>缺少计数器“%1”</translation>
    </message>
    <message>
        <source>write-ahead logging is not available</source>
        <translation>无法启用预写日志（WAL）</translation>
    </message>
    <message>
        <source>Cannot connect to the database %1: %2</source>
        <translation>无法连接数据库 %1：%2</translation>
    </message>
    <message>
        <source>Unknown database driver “%1”: use QSQLITE or QPSQL.</source>
        <translation>未知的数据库驱动“%1”：请使用 QSQLITE 或 QPSQL。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver of Qt (QPSQL) is not installed; on Debian install the package libqt6sql6-psql.</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（QPSQL）；在 Debian 上请安装软件包 libqt6sql6-psql。</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt (QSQLITE) is not installed.</source>
        <translation>未安装 Qt 的 SQLite 驱动（QSQLITE）。</translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation>未指定数据库文件。</translation>
    </message>
    <message>
        <source>No PostgreSQL database name was given.</source>
        <translation>未指定 PostgreSQL 数据库名称。</translation>
    </message>
    <message>
        <source>The database file %1 can&apos;t be read: %2</source>
        <translation>无法读取数据库文件 %1：%2</translation>
    </message>
    <message>
        <source>The database file %1 is damaged (%2). It was left as it is: restore the latest backup (baosong-server backup) or keep the file for the information centre.</source>
        <translation>数据库文件 %1 已损坏（%2）。该文件保持原样：请恢复最近的备份（baosong-server backup），或保留该文件交信息中心处理。</translation>
    </message>
    <message>
        <source>The server id can&apos;t be read: %1</source>
        <translation>无法读取服务器编号：%1</translation>
    </message>
    <message>
        <source>The database was written by a newer version of baosong-server (schema %1); this version understands up to schema %2. Update baosong-server to use it. The database was left unchanged.</source>
        <translation>该数据库由较新版本的 baosong-server 写入（结构版本 %1）；当前版本最高只支持结构版本 %2。请升级 baosong-server 后使用。数据库未作任何改动。</translation>
    </message>
    <message>
        <source>The database schema could not be created or upgraded from version %1 to %2: %3. Nothing was changed.</source>
        <translation>无法创建数据库结构或从版本 %1 升级到 %2：%3。未作任何改动。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>A transaction is already open on this thread.</source>
        <translation>此线程已有一个打开的事务。</translation>
    </message>
    <message>
        <source>Cannot begin a transaction: %1</source>
        <translation>无法开始事务：%1</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>Saving unit %1</source>
        <translation>保存单位 %1</translation>
    </message>
    <message>
        <source>Saving column %1</source>
        <translation>保存栏目 %1</translation>
    </message>
    <message>
        <source>Saving person %1</source>
        <translation>保存人员 %1</translation>
    </message>
    <message>
        <source>Reading units</source>
        <translation>读取单位</translation>
    </message>
    <message>
        <source>Unit %1 can&apos;t be read: %2</source>
        <translation>无法读取单位 %1：%2</translation>
    </message>
    <message>
        <source>Reading columns</source>
        <translation>读取栏目</translation>
    </message>
    <message>
        <source>Column %1 can&apos;t be read: %2</source>
        <translation>无法读取栏目 %1：%2</translation>
    </message>
    <message>
        <source>Reading people</source>
        <translation>读取人员</translation>
    </message>
    <message>
        <source>Person %1 can&apos;t be read: %2</source>
        <translation>无法读取人员 %1：%2</translation>
    </message>
    <message>
        <source>Reading person %1</source>
        <translation>读取人员 %1</translation>
    </message>
    <message>
        <source>Setting the password of %1</source>
        <translation>设置 %1 的密码</translation>
    </message>
    <message>
        <source>There is no person %1.</source>
        <translation>没有人员 %1。</translation>
    </message>
    <message>
        <source>Recording a failed login of %1</source>
        <translation>记录 %1 的登录失败</translation>
    </message>
    <message>
        <source>Recording a login of %1</source>
        <translation>记录 %1 的登录</translation>
    </message>
    <message>
        <source>Saving a session of %1</source>
        <translation>保存 %1 的会话</translation>
    </message>
    <message>
        <source>The session already exists.</source>
        <translation>该会话已存在。</translation>
    </message>
    <message>
        <source>Reading a session</source>
        <translation>读取会话</translation>
    </message>
    <message>
        <source>Ending a session</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <source>There is no such session.</source>
        <translation>没有该会话。</translation>
    </message>
    <message>
        <source>Ending the sessions of %1</source>
        <translation>结束 %1 的所有会话</translation>
    </message>
    <message>
        <source>Reading item %1</source>
        <translation>读取信息 %1</translation>
    </message>
    <message>
        <source>Item %1 can&apos;t be read: %2</source>
        <translation>无法读取信息 %1：%2</translation>
    </message>
    <message>
        <source>An item without an id can&apos;t be saved.</source>
        <translation>没有编号的信息无法保存。</translation>
    </message>
    <message>
        <source>Saving item %1</source>
        <translation>保存信息 %1</translation>
    </message>
    <message>
        <source>Deleting item %1</source>
        <translation>删除信息 %1</translation>
    </message>
    <message>
        <source>Listing items in review</source>
        <translation>列出审核中的信息</translation>
    </message>
    <message>
        <source>Listing items</source>
        <translation>列出信息</translation>
    </message>
    <message>
        <source>Numbering an index number of %1</source>
        <translation>为 %1 编制索引号</translation>
    </message>
    <message>
        <source>Reading the change feed</source>
        <translation>读取变更记录</translation>
    </message>
    <message>
        <source>Pruning deleted items</source>
        <translation>清理已删除的信息</translation>
    </message>
    <message>
        <source>Reading action %1</source>
        <translation>读取操作 %1</translation>
    </message>
    <message>
        <source>An action without an id can&apos;t be recorded.</source>
        <translation>没有编号的操作无法记录。</translation>
    </message>
    <message>
        <source>Recording action %1</source>
        <translation>记录操作 %1</translation>
    </message>
    <message>
        <source>Action %1 was already recorded.</source>
        <translation>操作 %1 已记录过。</translation>
    </message>
    <message>
        <source>Writing an audit event</source>
        <translation>写入审计事件</translation>
    </message>
    <message>
        <source>Reading the audit log</source>
        <translation>读取审计日志</translation>
    </message>
    <message>
        <source>Audit event %1 is missing: the log goes on with event %2.</source>
        <translation>审计事件 %1 缺失：日志接着是事件 %2。</translation>
    </message>
    <message>
        <source>Audit event 1 does not start the log: events before it were removed or it was changed.</source>
        <translation>审计事件 1 不是日志的开头：其之前的事件被删除，或该事件被修改。</translation>
    </message>
    <message>
        <source>Audit event %1 does not follow event %2: the events were reordered, or event %2 was changed and its hash rewritten.</source>
        <translation>审计事件 %1 与事件 %2 不衔接：事件顺序被调换，或事件 %2 被修改且其哈希被重写。</translation>
    </message>
    <message>
        <source>Audit event %1 was changed: its content no longer matches its hash.</source>
        <translation>审计事件 %1 已被修改：其内容与哈希不再相符。</translation>
    </message>
    <message>
        <source>Audit events from %1 on are missing: %2 events were written, the log ends with event %3.</source>
        <translation>从 %1 起的审计事件缺失：共写入 %2 条事件，日志却在事件 %3 处结束。</translation>
    </message>
    <message>
        <source>A PostgreSQL store is backed up with PostgreSQL&apos;s own tools: run pg_dump (for example: pg_dump -Fc -f baosong.dump &lt;database&gt;), or use the backups of the database server.</source>
        <translation>PostgreSQL 数据库请用 PostgreSQL 自带的工具备份：运行 pg_dump（例如：pg_dump -Fc -f baosong.dump &lt;数据库&gt;），或使用数据库服务器的备份。</translation>
    </message>
    <message>
        <source>A backup can&apos;t be made inside a transaction.</source>
        <translation>不能在事务中进行备份。</translation>
    </message>
    <message>
        <source>The backup file %1 already exists; choose a new name.</source>
        <translation>备份文件 %1 已存在；请另选文件名。</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2</source>
        <translation>备份到 %1 失败：%2</translation>
    </message>
    <message>
        <source>Saving upload %1</source>
        <translation>保存上传 %1</translation>
    </message>
    <message>
        <source>Reading upload %1</source>
        <translation>读取上传 %1</translation>
    </message>
    <message>
        <source>There is no upload %1.</source>
        <translation>没有上传 %1。</translation>
    </message>
    <message>
        <source>Removing upload %1</source>
        <translation>删除上传 %1</translation>
    </message>
    <message>
        <source>Reading expired uploads</source>
        <translation>读取已过期的上传</translation>
    </message>
    <message>
        <source>Reading the uploads of %1</source>
        <translation>读取 %1 的上传</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>保存 %1</translation>
    </message>
    <message>
        <source>The audit key file %1 can&apos;t be made: %2</source>
        <translation>无法创建审计密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>The audit key file %1 may be read by other accounts: make it readable by the server&apos;s account alone (chmod 600 %1).</source>
        <translation>审计密钥文件 %1 可被其他账户读取：请设为仅服务器账户可读（chmod 600 %1）。</translation>
    </message>
    <message>
        <source>The audit key file %1 can&apos;t be read: %2</source>
        <translation>无法读取审计密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>The audit key file %1 holds no key (at least 16 bytes, as hex).</source>
        <translation>审计密钥文件 %1 中没有密钥（至少 16 字节，十六进制）。</translation>
    </message>
    <message>
        <source>The keyed checkpoint of the audit log is missing: it was removed from the database.</source>
        <translation>审计日志的密钥检查点缺失：已被从数据库中删除。</translation>
    </message>
    <message>
        <source>The keyed checkpoint of the audit log was not made with this server&apos;s key: it was forged, or the key file was replaced.</source>
        <translation>审计日志的密钥检查点不是用本服务器的密钥生成的：检查点被伪造，或密钥文件被替换。</translation>
    </message>
    <message>
        <source>Audit events %1 to %2 were removed from the end of the log (the keyed checkpoint names event %2).</source>
        <translation>审计事件 %1 至 %2 已从日志末尾被删除（密钥检查点记录的是事件 %2）。</translation>
    </message>
    <message>
        <source>Audit event %1 is not the event the keyed checkpoint recorded: it was replaced and its hash recomputed.</source>
        <translation>审计事件 %1 不是密钥检查点所记录的事件：该事件被替换且哈希被重新计算。</translation>
    </message>
    <message>
        <source>Audit events after %1 were added without the audit key.</source>
        <translation>事件 %1 之后的审计事件是在没有审计密钥的情况下添加的。</translation>
    </message>
    <message>
        <source>Recording who sent %1</source>
        <translation>记录 %1 的上传人</translation>
    </message>
    <message>
        <source>Reading who sent %1</source>
        <translation>读取 %1 的上传人</translation>
    </message>
    <message>
        <source>Reading the items that name %1</source>
        <translation>读取引用 %1 的信息</translation>
    </message>
    <message>
        <source>Queueing the site&apos;s pages of %1</source>
        <translation>为 %1 排队生成网站页面</translation>
    </message>
    <message>
        <source>Reading the site&apos;s render queue</source>
        <translation>读取网站页面生成队列</translation>
    </message>
    <message>
        <source>Updating the site&apos;s render queue</source>
        <translation>更新网站页面生成队列</translation>
    </message>
    <message>
        <source>Recording a change of accounts</source>
        <translation>记录账号变更</translation>
    </message>
    <message>
        <source>Reading the accounts&apos; generation</source>
        <translation>读取账号版本号</translation>
    </message>
    <message>
        <source>Reading the word lists</source>
        <translation>读取词库</translation>
    </message>
    <message>
        <source>The word lists are missing from the store.</source>
        <translation>数据存储中缺少词库。</translation>
    </message>
    <message>
        <source>The stored detector settings cannot be read: %1</source>
        <translation>无法读取已保存的检测设置：%1</translation>
    </message>
    <message>
        <source>Saving the word lists</source>
        <translation>保存词库</translation>
    </message>
    <message>
        <source>Reading the municipal portal&apos;s outbox</source>
        <translation>读取市政府网站平台的待发队列</translation>
    </message>
    <message>
        <source>Updating the municipal portal&apos;s outbox</source>
        <translation>更新市政府网站平台的待发队列</translation>
    </message>
    <message>
        <source>Reading items for the statistics</source>
        <translation>读取统计所需的信息</translation>
    </message>
    <message>
        <source>Cannot take the render lock: %1</source>
        <translation>无法取得网站生成锁：%1</translation>
    </message>
    <message>
        <source>There is no transaction on this thread.</source>
        <translation>此线程上没有打开的事务。</translation>
    </message>
    <message>
        <source>What the request guessed has changed; it is answered again.</source>
        <translation>请求所依据的数据已有变化，将重新处理。</translation>
    </message>
</context>
<context>
    <name>SiteRenderer</name>
    <message>
        <source>The site template %1 cannot be read: %2</source>
        <translation>无法读取网站模板 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be removed.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The site folder %1 is locked by another render.</source>
        <translation>网站文件夹 %1 正被另一个生成过程锁定。</translation>
    </message>
    <message>
        <source>The site&apos;s index cannot be updated.</source>
        <translation>无法更新网站索引。</translation>
    </message>
    <message>
        <source>The site folder %1 cannot be synced to disk: %2</source>
        <translation>网站文件夹 %1 无法写入磁盘：%2</translation>
    </message>
    <message>
        <source>Another server&apos;s render is still under way.</source>
        <translation>另一台服务器仍在生成网站页面。</translation>
    </message>
</context>
<context>
    <name>SiteSearch</name>
    <message>
        <source>The site&apos;s search is not configured.</source>
        <translation>未配置站内搜索。</translation>
    </message>
    <message>
        <source>The site&apos;s search index %1 cannot be opened: %2</source>
        <translation>无法打开站内搜索索引 %1：%2</translation>
    </message>
    <message>
        <source>The site&apos;s search index %1 cannot be made: %2</source>
        <translation>无法建立站内搜索索引 %1：%2</translation>
    </message>
    <message>
        <source>The site&apos;s search index cannot be updated: %1</source>
        <translation>无法更新站内搜索索引：%1</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
</context>
<context>
    <name>StatisticsCalculator</name>
    <message>
        <source>The scoring &quot;%1&quot; must be a number between -1000 and 1000 (known: disclosure, collective_decision, news, repost, adoption, late, breached).</source>
        <translation>计分项“%1”必须是 -1000 到 1000 之间的数字（可用：disclosure、collective_decision、news、repost、adoption、late、breached）。</translation>
    </message>
    <message>
        <source>The statistics are not readable (no period, units or columns).</source>
        <translation>统计数据无法读取（缺少期间、单位或栏目）。</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>采用（发布）</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>撤稿</translation>
    </message>
    <message>
        <source>Adopted by the municipal portal</source>
        <translation>市政府网站采用</translation>
    </message>
    <message>
        <source>Average days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <source>Longest (days)</source>
        <translation>最长天数</translation>
    </message>
    <message>
        <source>Within 5 days (%)</source>
        <translation>5日内发布率（%）</translation>
    </message>
    <message>
        <source>Within 15 days (%)</source>
        <translation>15日内发布率（%）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Nothing submitted</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>By &amp;unit</source>
        <translation>按单位(&amp;U)</translation>
    </message>
    <message>
        <source>By co&amp;lumn</source>
        <translation>按栏目(&amp;L)</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>图表(&amp;H)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>For Excel and WPS (UTF-8 with a byte-order mark)</source>
        <translation>供 Excel 和 WPS 打开（带字节顺序标记的 UTF-8）</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>导出 XLSX(&amp;X)…</translation>
    </message>
    <message>
        <source>A workbook for WPS and Excel: a sheet per unit and per column</source>
        <translation>供 WPS 和 Excel 打开的工作簿：按单位、按栏目各一张工作表</translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation>PDF 报告(&amp;P)…</translation>
    </message>
    <message>
        <source>The report for the quarterly meeting: the period, the tables and the charts</source>
        <translation>供季度会议使用的报告：统计期间、表格和图表</translation>
    </message>
    <message>
        <source>&amp;Trend by month</source>
        <translation>月度趋势(&amp;T)</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>单位(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>StatisticsWorkbook</name>
    <message>
        <source>The workbook %1 cannot be made.</source>
        <translation>无法创建工作簿 %1。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>By column</source>
        <translation>按栏目</translation>
    </message>
    <message>
        <source>The workbook %1 could not be written: %2</source>
        <translation>无法写入工作簿 %1：%2</translation>
    </message>
</context>
<context>
    <name>UploadApi</name>
    <message>
        <source>Server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <source>No such upload</source>
        <translation>没有该上传</translation>
    </message>
    <message>
        <source>There is no upload %1 of yours: it was finished, cancelled or has expired. Start it again.</source>
        <translation>没有属于您的上传 %1：它已完成、已取消或已过期。请重新开始上传。</translation>
    </message>
    <message>
        <source>Attachments unavailable</source>
        <translation>附件功能不可用</translation>
    </message>
    <message>
        <source>This server has no attachment folder configured ([blobs] folder).</source>
        <translation>该服务器未配置附件文件夹（[blobs] folder）。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>%1 处没有内容。</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>不允许的请求方法</translation>
    </message>
    <message>
        <source>An upload is read with GET, continued with PATCH and cancelled with DELETE.</source>
        <translation>上传可用 GET 查询、用 PATCH 续传、用 DELETE 取消。</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>请求有误</translation>
    </message>
    <message>
        <source>Attachment too large</source>
        <translation>附件过大</translation>
    </message>
    <message>
        <source>An attachment may have at most %1 bytes; this one has %2.</source>
        <translation>附件最大为 %1 字节；此附件为 %2 字节。</translation>
    </message>
    <message>
        <source>Upload quota reached</source>
        <translation>已达上传配额</translation>
    </message>
    <message>
        <source>Your unfinished uploads would take %1 bytes; at most %2 are allowed. Finish or cancel some first.</source>
        <translation>您未完成的上传将占用 %1 字节；最多允许 %2 字节。请先完成或取消部分上传。</translation>
    </message>
    <message>
        <source>Content does not match</source>
        <translation>内容不符</translation>
    </message>
    <message>
        <source>An empty file does not have the SHA-256 %1.</source>
        <translation>空文件的 SHA-256 不是 %1。</translation>
    </message>
    <message>
        <source>Unsupported media type</source>
        <translation>不支持的媒体类型</translation>
    </message>
    <message>
        <source>Send a chunk as application/offset+octet-stream.</source>
        <translation>请以 application/offset+octet-stream 发送数据块。</translation>
    </message>
    <message>
        <source>Say where the chunk starts in an Upload-Offset header (a whole number).</source>
        <translation>请在 Upload-Offset 头中说明数据块的起始位置（整数）。</translation>
    </message>
    <message>
        <source>Chunk too large</source>
        <translation>数据块过大</translation>
    </message>
    <message>
        <source>A chunk may have at most %1 bytes.</source>
        <translation>数据块最大为 %1 字节。</translation>
    </message>
    <message>
        <source>Wrong offset</source>
        <translation>偏移量错误</translation>
    </message>
    <message>
        <source>The server has %1 bytes of this upload; send the chunk that starts there.</source>
        <translation>服务器已收到此上传的 %1 字节；请发送从该位置开始的数据块。</translation>
    </message>
    <message>
        <source>Upload-Checksum must be &quot;sha256 &quot; followed by the chunk&apos;s SHA-256 in base64.</source>
        <translation>Upload-Checksum 必须是“sha256 ”后接数据块 SHA-256 的 base64 编码。</translation>
    </message>
    <message>
        <source>Checksum mismatch</source>
        <translation>校验和不符</translation>
    </message>
    <message>
        <source>The chunk did not arrive as sent (its SHA-256 differs); it was discarded. Send it again.</source>
        <translation>收到的数据块与发送的不一致（SHA-256 不同），已丢弃。请重新发送。</translation>
    </message>
    <message>
        <source>A chunk must have at least one byte and end within the %1 bytes announced.</source>
        <translation>数据块至少要有一个字节，且不能超出声明的 %1 字节。</translation>
    </message>
    <message>
        <source>The file that arrived does not have the SHA-256 announced; the upload starts again at offset 0.</source>
        <translation>收到的文件与声明的 SHA-256 不符；上传将从偏移量 0 重新开始。</translation>
    </message>
    <message>
        <source>No such attachment</source>
        <translation>没有该附件</translation>
    </message>
    <message>
        <source>There is no attachment %1 of an item that you may see.</source>
        <translation>在您有权查看的信息中没有附件 %1。</translation>
    </message>
    <message>
        <source>Range not satisfiable</source>
        <translation>请求的范围无法满足</translation>
    </message>
    <message>
        <source>Ask for one range of bytes within the %1 bytes of the attachment.</source>
        <translation>请在附件的 %1 字节范围内请求一个字节区间。</translation>
    </message>
    <message>
        <source>The attachment cannot be read.</source>
        <translation>无法读取附件。</translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;sha256&quot; (64 hexadecimal digits), &quot;size&quot; (a whole number of bytes) and optionally &quot;name&quot; (a file name of at most %1 characters).</source>
        <translation>请发送包含“sha256”（64 位十六进制数字）、“size”（字节数，整数）以及可选“name”（不超过 %1 个字符的文件名）的 JSON 对象。</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予接受</translation>
    </message>
    <message>
        <source>The file name &quot;%1&quot; is not accepted: names may not contain path separators, control or direction characters, or be longer than %2 characters.</source>
        <translation>文件名“%1”不予接受：名称不得含有路径分隔符、控制字符或文字方向字符，长度不得超过 %2 个字符。</translation>
    </message>
    <message>
        <source>Send a file in one request with its SHA-256 (64 hexadecimal digits) as the query&apos;s &quot;sha256&quot; and optionally its &quot;name&quot;.</source>
        <translation>一次请求发送文件时，请在查询参数“sha256”中给出其 SHA-256（64 位十六进制数字），并可在“name”中给出文件名。</translation>
    </message>
    <message>
        <source>A file sent in one request may have at most %1 bytes; start an upload instead.</source>
        <translation>一次请求发送的文件最多 %1 字节；请改用分块上传。</translation>
    </message>
</context>
<context>
    <name>WordLists</name>
    <message>
        <source>%1 line %2: unknown severity “%3” (blocking or warning).</source>
        <translation>%1 第 %2 行：未知的级别“%3”（应为 blocking 或 warning）。</translation>
    </message>
    <message>
        <source>%1 line %2: the word is missing.</source>
        <translation>%1 第 %2 行：缺少词语。</translation>
    </message>
    <message>
        <source>%1 line %2: “%3” is already on the list.</source>
        <translation>%1 第 %2 行：“%3”已在词表中。</translation>
    </message>
    <message>
        <source>%1 line %2: a misused word needs its correction after a tab (wrong&lt;TAB&gt;right).</source>
        <translation>%1 第 %2 行：错别字后须以制表符分隔写出正确用法（错误&lt;TAB&gt;正确）。</translation>
    </message>
    <message>
        <source>%1 line %2: the correction is the same as the word.</source>
        <translation>%1 第 %2 行：正确用法与原词相同。</translation>
    </message>
</context>
<context>
    <name>WordListsDialog</name>
    <message>
        <source>Word lists and content checks</source>
        <translation>词库与内容检查</translation>
    </message>
    <message>
        <source>Sensitive words</source>
        <translation>敏感词</translation>
    </message>
    <message>
        <source>One word a line: the word, then a tab and blocking or warning (no severity: blocking), then optionally a tab and a note saying why. Lines starting with # are comments; empty lines are skipped.</source>
        <translation>每行一个词：词语，然后是制表符和 blocking（阻止）或 warning（警告）（不写则为 blocking），可再加制表符和说明。以 # 开头的行为注释；空行忽略。</translation>
    </message>
    <message>
        <source>Misused words</source>
        <translation>易错词</translation>
    </message>
    <message>
        <source>One pair a line: the wrong form, a tab, the right form (e.g. 以身做则&lt;tab&gt;以身作则). A wrong form must never be right in any context. Lines starting with # are comments; empty lines are skipped.</source>
        <translation>每行一对：错误写法、制表符、正确写法（如 以身做则&lt;tab&gt;以身作则）。错误写法在任何语境下都不能是正确的。以 # 开头的行为注释；空行忽略。</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>检测项</translation>
    </message>
    <message>
        <source>The content checks that run on every item, in every client and on the server. A detector turned off reports nothing. Attachments whose content cannot be read are always listed.</source>
        <translation>对每条信息运行的内容检查，在各客户端和服务器上均执行。关闭的检测项不报告任何结果。无法读取内容的附件总会列出。</translation>
    </message>
    <message>
        <source>&amp;Load again</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
</context>
<context>
    <name>baosong::ApiRequest</name>
    <message>
        <source>The server could not be reached (%1).</source>
        <translation>无法连接服务器（%1）。</translation>
    </message>
</context>
<context>
    <name>baosong::AttachmentListModel</name>
    <message>
        <source>Only on this computer</source>
        <translation>仅在本机</translation>
    </message>
    <message>
        <source>Uploading %1%</source>
        <translation>正在上传 %1%</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>已在服务器上</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>上传失败</translation>
    </message>
    <message>
        <source>%1
%2, %3</source>
        <translation>%1
%2，%3</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
</context>
<context>
    <name>baosong::AttachmentPane</name>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file that can be read (folders can&apos;t be attached).</source>
        <translation>“%1”不是可读取的文件（文件夹不能作为附件）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; the server accepts files up to %3.</source>
        <translation>“%1”大小为 %2；服务器接受的文件最大为 %3。</translation>
    </message>
    <message>
        <source>Files not attached</source>
        <translation>文件未添加</translation>
    </message>
    <message>
        <source>%1

Reduce the file (compress it, or split it) or ask the site administrator.</source>
        <translation>%1

请缩小文件（压缩或拆分），或联系网站管理人员。</translation>
    </message>
    <message>
        <source>Storing %1 (%2 of %3)…</source>
        <translation>正在保存 %1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <source>Storing %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>These files could not be stored:
%1</source>
        <translation>以下文件无法保存：
%1</translation>
    </message>
    <message>
        <source>Picture not attached</source>
        <translation>图片未添加</translation>
    </message>
    <message>
        <source>The pasted picture is %1; the server accepts files up to %2.</source>
        <translation>粘贴的图片大小为 %1；服务器接受的文件最大为 %2。</translation>
    </message>
    <message>
        <source>picture-%1.png</source>
        <translation>图片-%1.png</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on this computer yet; it is downloaded with the item.</source>
        <translation>“%1”尚未下载到本机；它将随信息一同下载。</translation>
    </message>
    <message>
        <source>Could not make a copy of &quot;%1&quot; to open it in %2.</source>
        <translation>无法复制“%1”以便用 %2 打开。</translation>
    </message>
</context>
<context>
    <name>baosong::AuditClient</name>
    <message>
        <source>Not signed in: the audit log is read on the server.</source>
        <translation>未登录：审计日志在服务器上查阅。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not an audit page.</source>
        <translation>服务器的应答不是审计日志页面。</translation>
    </message>
</context>
<context>
    <name>baosong::AuditDialog</name>
    <message>
        <source>— every unit —</source>
        <translation>— 全部单位 —</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Export the audit events</source>
        <translation>导出审计事件</translation>
    </message>
    <message>
        <source>Audit log.csv</source>
        <translation>审计日志.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>正在读取审计日志…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown. The chain holds over every event read: each has its hash and links to the one before.</source>
        <translation>
            <numerusform>显示 %n 条事件。所读取的每条事件哈希正确并与前一条相连：日志链完整。</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken at event %1: the log was changed there. Tell the information centre&apos;s head; `baosong-server audit verify` says more.</source>
        <translation>日志链在第 %1 条事件处断开：日志在此处被改动过。请报告信息中心负责人；`baosong-server audit verify` 可提供详情。</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>The audit events could not be written to %1: %2</source>
        <translation>无法将审计事件写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>baosong::BatchApproveDialog</name>
    <message numerus="yes">
        <source>%n item(s) approved here; they are sent with the next sync.</source>
        <translation>
            <numerusform>已在本机同意 %n 条信息；将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not approved:</source>
        <translation>
            <numerusform>%n 条信息未能同意：</numerusform>
        </translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
    <message>
        <source>You decided on it already; the decision waits to be sent.</source>
        <translation>您已对该信息作出审批，审批意见等待发送。</translation>
    </message>
    <message>
        <source>Sign in first: who you are is not known yet.</source>
        <translation>请先登录：目前尚无法确认您的身份。</translation>
    </message>
    <message>
        <source>The item is not in the local store; sync first.</source>
        <translation>该信息不在本地数据库中；请先同步。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be approved; </source>
        <translation>
            <numerusform>将同意 %n 条信息； </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) can&apos;t be approved (see why above).</source>
        <translation>
            <numerusform>%n 条信息无法同意（原因见上）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be approved.</source>
        <translation>
            <numerusform>将同意 %n 条信息。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve %n item(s)</source>
        <translation>
            <numerusform>同意 %n 条信息(&amp;A)</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve several items</source>
        <translation>批量同意</translation>
    </message>
</context>
<context>
    <name>baosong::BodyEditor</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>三级标题</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>倾斜</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>+ Row</source>
        <translation>+ 行</translation>
    </message>
    <message>
        <source>+ Column</source>
        <translation>+ 列</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>链接…</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation>撤销（%1）</translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation>重做（%1）</translation>
    </message>
    <message>
        <source>Insert a link</source>
        <translation>插入链接</translation>
    </message>
    <message>
        <source>Web address (http://, https:// or mailto:):</source>
        <translation>网址（http://、https:// 或 mailto:）：</translation>
    </message>
    <message>
        <source>&quot;%1&quot; can&apos;t be a link on the site: use an address starting with http://, https:// or mailto:.</source>
        <translation>“%1”不能作为网站上的链接：请使用以 http://、https:// 或 mailto: 开头的地址。</translation>
    </message>
    <message>
        <source>Word document…</source>
        <translation>Word 文档…</translation>
    </message>
    <message>
        <source>Insert the text, tables and pictures of a Word or WPS document (.docx)</source>
        <translation>插入 Word 或 WPS 文档（.docx）中的文字、表格和图片</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <source>Caption…</source>
        <translation>图片说明…</translation>
    </message>
    <message>
        <source>Show the picture&apos;s description as a caption under it (put the cursor next to the picture)</source>
        <translation>在图片下方显示其说明文字（先将光标放在图片旁）</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>The caption shown under the picture (it is also the picture&apos;s description for screen readers); leave it empty for no caption:</source>
        <translation>显示在图片下方的说明（也是读屏软件读出的图片描述）；留空则不显示说明：</translation>
    </message>
</context>
<context>
    <name>baosong::ChecksPanel</name>
    <message>
        <source>Override with reason…</source>
        <translation>说明理由后仍然报送…</translation>
    </message>
    <message>
        <source>Double-click a finding to go to its field.</source>
        <translation>双击某条检查结果可跳转到相应字段。</translation>
    </message>
    <message>
        <source>Submit despite the blocking findings; the reason you give is recorded with the submission.</source>
        <translation>存在阻止报送的问题时仍然报送；您填写的理由将随报送一并记录。</translation>
    </message>
    <message>
        <source>Override the checks</source>
        <translation>忽略检查结果</translation>
    </message>
    <message>
        <source>%1

Why should the item be submitted anyway? The reason is recorded with the submission and shown to the reviewers.</source>
        <translation>%1

为何仍要报送该信息？理由将随报送一并记录，并展示给审核人。</translation>
    </message>
    <message>
        <source>A reason is required to override a blocking finding. The item was not submitted.</source>
        <translation>忽略阻止报送的问题必须填写理由。该信息未报送。</translation>
    </message>
    <message>
        <source>Ready to submit.</source>
        <translation>可以报送。</translation>
    </message>
    <message numerus="yes">
        <source>Ready to submit; %n warning(s).</source>
        <translation>
            <numerusform>可以报送；有 %n 条警告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Overridden with the reason: %1</source>
        <translation>已说明理由并忽略：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) block the submission; correct them or override with a reason.</source>
        <translation>
            <numerusform>有 %n 个问题阻止报送；请改正，或说明理由后仍然报送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) block the submission; correct them first.</source>
        <translation>
            <numerusform>有 %n 个问题阻止报送；请先改正。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baosong::ClientSession</name>
    <message>
        <source>The profile folder %1 cannot be created.</source>
        <translation>无法创建配置文件夹 %1。</translation>
    </message>
    <message>
        <source>The server can&apos;t be reached: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts: wait %n second(s) and try again.</source>
        <translation>
            <numerusform>尝试失败次数过多：请等待 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s answer is not one of a Baosong server.</source>
        <translation>服务器的响应不是报送服务器的响应。</translation>
    </message>
    <message>
        <source>The local store of this profile is damaged (%1). Sync has stopped so that nothing more is written into the damaged file. Choose “Rebuild from server” where the sync status is shown: the damaged file is kept aside, the work not yet sent is copied from it into a new local store, and everything else is fetched again from the server.</source>
        <translation>此配置的本地数据库已损坏（%1）。同步已停止，不再向损坏的文件写入任何内容。请在同步状态处选择“从服务器重建”：损坏的文件将被保留在一旁，尚未发送的工作将复制到新的本地数据库，其余内容从服务器重新获取。</translation>
    </message>
    <message>
        <source>The unsent work could not be copied into the new local store: %1. The damaged copy was kept as “%2”.</source>
        <translation>未发送的工作无法复制到新的本地数据库：%1。损坏的副本已保留为“%2”。</translation>
    </message>
    <message numerus="yes">
        <source>A new local store was made. The damaged one was kept as “%1”. %n queued action(s) were copied from it and will be sent as usual; everything else is fetched again from the server.</source>
        <translation>
            <numerusform>已新建本地数据库。损坏的数据库已保留为“%1”。已从中复制 %n 项待发送操作，将照常发送；其余内容从服务器重新获取。</numerusform>
        </translation>
    </message>
    <message>
        <source>The damaged file could not be read at all (%1): nothing could be copied from it. Keep it and ask the information centre for help.</source>
        <translation>损坏的文件完全无法读取（%1）：未能从中复制任何内容。请保留该文件并联系信息中心。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of unsent work could not be read from the damaged file; keep it and ask the information centre for help.</source>
        <translation>
            <numerusform>损坏的文件中有 %n 条未发送的记录无法读取；请保留该文件并联系信息中心。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baosong::ColumnHealthDialog</name>
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
    <message>
        <source>Last update</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The column health has not been fetched from the server yet: it comes with the next sync.</source>
        <translation>尚未从服务器获取栏目更新情况：将在下次同步时获取。</translation>
    </message>
    <message>
        <source>Not updated in time: %1 (an inspection fails the site at %2). Not updated for half a year: %3 (at %4). Empty: %5 (at %6).</source>
        <translation>未按时更新：%1（达到 %2 个网站检查不合格）。超过半年未更新：%3（限 %4）。空白栏目：%5（限 %6）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1（剩 %n 天）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) over)</source>
        <translation>
            <numerusform>%1（已超 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>, not updated for half a year</source>
        <translation>，超过半年未更新</translation>
    </message>
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
        <source>no interval</source>
        <translation>无周期</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
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
    <message>
        <source>Retired by the office: no new items</source>
        <translation>已由办公室撤销：不再接收新信息</translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation>%1（已撤销）</translation>
    </message>
</context>
<context>
    <name>baosong::ColumnsClient</name>
    <message>
        <source>Only the office director, a site administrator or an administrator may change the columns.</source>
        <translation>只有办公室主任、网站管理人员或系统管理员可以调整栏目。</translation>
    </message>
    <message>
        <source>Not signed in: changing the columns needs the server.</source>
        <translation>未登录：调整栏目需要连接服务器。</translation>
    </message>
</context>
<context>
    <name>baosong::ColumnsDialog</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message numerus="yes">
        <source>The type&apos;s default (%n day(s))</source>
        <translation>
            <numerusform>按类型默认（%n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>不要求</translation>
    </message>
    <message>
        <source>A retired column takes no new items and leaves the site&apos;s navigation; its pages and published items stay where they are. Save to retire it.</source>
        <translation>撤销后栏目不再接收新信息，并从网站导航中移除；其页面和已发布信息保留原处。保存后生效。</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;. Every client sees it from its next sync; the site&apos;s pages follow by themselves.</source>
        <translation>已保存“%1”。各客户端下次同步时可见，网站页面自动更新。</translation>
    </message>
    <message>
        <source>The columns shown are brought up to date now; check them and make your change again.</source>
        <translation>正在更新所显示的栏目，请核对后重新修改。</translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation>%1（已撤销）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Retired: no new items, off the site&apos;s navigation</source>
        <translation>已撤销：不再接收新信息，已从网站导航移除</translation>
    </message>
    <message>
        <source>A new column: give it a name and save.</source>
        <translation>新栏目：请填写名称后保存。</translation>
    </message>
    <message>
        <source>(the top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>A column with the address name &quot;%1&quot; exists already; choose another one.</source>
        <translation>地址名为“%1”的栏目已存在，请另选一个。</translation>
    </message>
    <message>
        <source>Saving &quot;%1&quot;…</source>
        <translation>正在保存“%1”…</translation>
    </message>
</context>
<context>
    <name>baosong::ConnectDialog</name>
    <message>
        <source>&quot;%1&quot; is not a server address. Write it as host:port, for example 127.0.0.1:8443 (HTTPS only).</source>
        <translation>“%1”不是有效的服务器地址。请按“主机:端口”格式填写，例如 127.0.0.1:8443（仅支持 HTTPS）。</translation>
    </message>
    <message>
        <source>This profile belongs to the server %1. Start Baosong with another profile (--profile) to use %2, so that their data stay apart.</source>
        <translation>此用户配置属于服务器 %1。如需使用 %2，请以另一个用户配置（--profile）启动报送，使两者的数据互相分开。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>The server at %1 presents a certificate that no certificate authority vouches for. This is usual for a bureau&apos;s own server, but make sure it is yours: compare the fingerprint below with the one your administrator gave you (baosong-server prints it). Only if they are the same, trust it. Baosong remembers it and warns you if it ever changes.</source>
        <translation>位于 %1 的服务器出示的证书未经任何证书颁发机构认证。本局自建的服务器通常如此，但请确认它确实是本局的服务器：将下方指纹与系统管理员提供给您的指纹核对（baosong-server 会显示该指纹）。只有两者一致时才可信任。报送会记住该证书，今后如有变更会提醒您。</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached.</source>
        <translation>无法连接位于 %1 的服务器。</translation>
    </message>
    <message>
        <source>The certificate could not be kept: %1</source>
        <translation>无法保存该证书：%1</translation>
    </message>
    <message>
        <source>Sign in to %1 with the user name and password your administrator gave you. Your password is not kept on this computer.</source>
        <translation>请使用系统管理员提供给您的用户名和密码登录 %1。您的密码不会保存在本机上。</translation>
    </message>
    <message>
        <source>Enter your user name and your password.</source>
        <translation>请输入您的用户名和密码。</translation>
    </message>
    <message>
        <source>This profile belongs to the account &quot;%1&quot;. Start Baosong with another profile (--profile) to sign in as &quot;%2&quot;, so that your data stay apart.</source>
        <translation>此用户配置属于账户“%1”。如需以“%2”登录，请以另一个用户配置（--profile）启动报送，使两者的数据互相分开。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>baosong::Converter</name>
    <message>
        <source>The Word document is damaged (its text could not be read: %1).</source>
        <translation>该 Word 文档已损坏（无法读取正文：%1）。</translation>
    </message>
</context>
<context>
    <name>baosong::Credentials</name>
    <message>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>系统钥匙串在 %1 秒内未响应</translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation>访问系统钥匙串被拒绝</translation>
    </message>
    <message>
        <source>no keychain service is installed</source>
        <translation>未安装系统钥匙串服务</translation>
    </message>
    <message>
        <source>no keychain service answers</source>
        <translation>系统钥匙串服务无响应</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). As you chose, the session token is kept in %2, which only you can read.</source>
        <translation>系统钥匙串不可用（%1）。按您的选择，会话令牌保存在 %2 中，仅您本人可读。</translation>
    </message>
    <message>
        <source>No system keychain is available (%1) and the session token cannot be saved to a file (%2): it is kept in memory only, and you will need to sign in again after Baosong is closed.</source>
        <translation>系统钥匙串不可用（%1），会话令牌也无法保存到文件（%2）：令牌仅保存在内存中，关闭报送后需要重新登录。</translation>
    </message>
    <message>
        <source>No system keychain is available (%1): the session token is kept in memory only, and you will need to sign in again after Baosong is closed.</source>
        <translation>系统钥匙串不可用（%1）：会话令牌仅保存在内存中，关闭报送后需要重新登录。</translation>
    </message>
    <message>
        <source>The system keychain did not delete the session token: %1</source>
        <translation>系统钥匙串未能删除会话令牌：%1</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 cannot be removed.</source>
        <translation>无法删除文件 %1。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>无法写入文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>baosong::DecisionDialog</name>
    <message>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Approve with minor edits</source>
        <translation>少量修改后同意</translation>
    </message>
    <message>
        <source>Return to the author</source>
        <translation>退回作者</translation>
    </message>
    <message>
        <source>&amp;Reason (required; the author sees it):</source>
        <translation>理由(&amp;R)（必填；作者可见）：</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>评论(&amp;C)：</translation>
    </message>
    <message>
        <source>&quot;%1&quot;, revision %2.</source>
        <translation>“%1”，第%2稿。</translation>
    </message>
    <message>
        <source>Stage: %1.</source>
        <translation>环节：%1。</translation>
    </message>
    <message>
        <source>The item goes back to its author, who revises and submits it again.</source>
        <translation>该信息将退回作者，由作者修改后重新报送。</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>同意(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>退回(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>评论(&amp;C)</translation>
    </message>
    <message>
        <source>The item is not at a stage of its route.</source>
        <translation>该信息不处于其审批流程的任何环节。</translation>
    </message>
    <message>
        <source>Approved, it goes on to &quot;%1&quot;.</source>
        <translation>同意后，将转入“%1”环节。</translation>
    </message>
    <message>
        <source>Approved, it is retracted from the site.</source>
        <translation>同意后，将从网站撤下。</translation>
    </message>
    <message>
        <source>Approved, it is sent to the municipal platform.</source>
        <translation>同意后，将报送市政府平台。</translation>
    </message>
    <message>
        <source>Approved, the change is published on the site (it replaces the live version).</source>
        <translation>同意后，修改将在网站上发布（替换当前在线版本）。</translation>
    </message>
    <message>
        <source>Approved, it is published on the site.</source>
        <translation>同意后，将在网站上发布。</translation>
    </message>
    <message>
        <source>Make the minor edits first, or approve without edits.</source>
        <translation>请先作出少量修改，或不作修改直接同意。</translation>
    </message>
    <message>
        <source>The title can&apos;t be empty.</source>
        <translation>标题不能为空。</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>请先填写评论。</translation>
    </message>
    <message>
        <source>Why it is published after the 15-day limit of Art. 15 (recorded)</source>
        <translation>超过第十五条规定的15日时限仍予发布的理由（将被记录）</translation>
    </message>
    <message>
        <source>Why it may be published without its interpretation (recorded)</source>
        <translation>可不附解读发布的理由（将被记录）</translation>
    </message>
    <message>
        <source>The limit for publishing this information (Art. 15) has passed: give the reason it is published anyway.</source>
        <translation>本信息的发布时限（第十五条）已过：请说明仍予发布的理由。</translation>
    </message>
</context>
<context>
    <name>baosong::DocxReader</name>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to import.</source>
        <translation>%1 太大，无法导入。</translation>
    </message>
    <message>
        <source>The Word document&apos;s text is too large to import.</source>
        <translation>该 Word 文档的正文太大，无法导入。</translation>
    </message>
    <message>
        <source>The file is not a Word document (.docx): it has no word/document.xml.</source>
        <translation>该文件不是 Word 文档（.docx）：其中没有 word/document.xml。</translation>
    </message>
</context>
<context>
    <name>baosong::DownloadTransfer</name>
    <message>
        <source>cannot create the attachment folder %1.</source>
        <translation>无法创建附件文件夹 %1。</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the server sent another part or size of the attachment than asked for (%1 bytes instead of %2); the partial download was removed. Try again.</source>
        <translation>服务器发送的附件部分或大小与请求不符（%1 字节，而非 %2 字节）；已删除未下载完整的文件。请重试。</translation>
    </message>
    <message>
        <source>the server sent more bytes than the attachment has.</source>
        <translation>服务器发送的字节数超过了附件的大小。</translation>
    </message>
    <message>
        <source>the server did not say the attachment&apos;s size.</source>
        <translation>服务器未告知附件的大小。</translation>
    </message>
    <message>
        <source>the content received does not have the attachment&apos;s SHA-256, so it was refused. Try again; if it happens again, tell the administrator.</source>
        <translation>收到的内容与附件的 SHA-256 不符，已拒收。请重试；如再次出现，请告知系统管理员。</translation>
    </message>
</context>
<context>
    <name>baosong::EditorWindow</name>
    <message>
        <source>Returned by %1 on %2: %3</source>
        <translation>已由 %1 于 %2 退回：%3</translation>
    </message>
    <message>
        <source>New draft — Baosong</source>
        <translation>新建草稿 — 报送</translation>
    </message>
    <message>
        <source>%1 — Baosong</source>
        <translation>%1 — 报送</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>The draft could not be saved, so it was not submitted. Your text is still here; try again.</source>
        <translation>草稿无法保存，因此未报送。您的内容仍在此处；请重试。</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is submitted for review.</source>
        <translation>“%1”已报送审核。</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Delete the draft &quot;%1&quot;? This cannot be undone.</source>
        <translation>确定删除草稿“%1”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Draft kept for recovery</source>
        <translation>草稿已保留以便恢复</translation>
    </message>
    <message>
        <source>The draft could not be saved now. Baosong will reopen it the next time it starts.</source>
        <translation>草稿目前无法保存。报送下次启动时会重新打开该草稿。</translation>
    </message>
    <message>
        <source>the server refused it.</source>
        <translation>服务器拒绝了该操作。</translation>
    </message>
    <message>
        <source>Sending to the server…</source>
        <translation>正在发送到服务器…</translation>
    </message>
    <message>
        <source>The server did not accept &quot;%1&quot;: %2
Your text is kept. Correct it and submit again.</source>
        <translation>服务器未接受“%1”：%2
您的内容已保留，请修改后重新报送。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not answered by the server yet: it is kept and sent as soon as the server can be reached.</source>
        <translation>“%1”尚未得到服务器答复：已保留，将在能连接服务器时发送。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is kept. You are offline: it will be sent to the server as soon as it can be reached.</source>
        <translation>“%1”已保留。您当前离线：将在能连接服务器时发送。</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>“%1”被拒绝：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Not saved yet: tried again at the next edit</source>
        <translation>尚未保存：下次编辑时重试</translation>
    </message>
    <message>
        <source>Interpretation of the policy document</source>
        <translation>政策文件解读</translation>
    </message>
    <message>
        <source>Interpretation of “%1”</source>
        <translation>《%1》政策解读</translation>
    </message>
    <message>
        <source>No interpretation drafted</source>
        <translation>未能起草解读</translation>
    </message>
    <message>
        <source>There is no policy interpretation column your unit may publish in. Ask the site administrator to set one up, or link an existing interpretation.</source>
        <translation>没有本单位可发布的政策解读栏目。请网站管理人员设置，或关联已有的解读。</translation>
    </message>
</context>
<context>
    <name>baosong::HistoryModel</name>
    <message>
        <source>(time unknown)</source>
        <translation>（时间未知）</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>From the server&apos;s audit log (event %1)</source>
        <translation>来自服务器的审计日志（事件 %1）</translation>
    </message>
    <message>
        <source>From the local copy of the item</source>
        <translation>来自本机保存的信息副本</translation>
    </message>
</context>
<context>
    <name>baosong::ItemEditor</name>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>you submit</source>
        <translation>您报送</translation>
    </message>
    <message>
        <source>no route is defined for this kind</source>
        <translation>未为该类别定义审批流程</translation>
    </message>
    <message>
        <source>sent to the municipal platform (the reviewer decides whether it is also published here)</source>
        <translation>报送市政府平台（由审核人决定是否同时在本站发布）</translation>
    </message>
    <message>
        <source>published on the site</source>
        <translation>在网站发布</translation>
    </message>
    <message numerus="yes">
        <source>Enter the information date: the item is to be published within %n day(s) of it.</source>
        <translation>
            <numerusform>请填写信息产生日期：信息应在该日期起 %n 日内发布。</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish by %1, at the latest %2</source>
        <translation>应于 %1 前发布，最迟 %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>— choose a column —</source>
        <translation>— 请选择栏目 —</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>— no interpretation linked —</source>
        <translation>— 未关联解读 —</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>Item %1 (not on this computer)</source>
        <translation>信息 %1（不在本机）</translation>
    </message>
    <message>
        <source>Checks (%1)</source>
        <translation>检查（%1）</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Not ready to submit</source>
        <translation>尚不能报送</translation>
    </message>
    <message>
        <source>Correct these first:
%1</source>
        <translation>请先改正以下问题：
%1</translation>
    </message>
    <message>
        <source>Insert a picture</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>Select the picture in the attachment list, then choose Picture again.</source>
        <translation>请在附件列表中选中图片，然后再次点击“图片”。</translation>
    </message>
    <message>
        <source>Attach the picture first (Add files… or drop it here); then select it and choose Picture.</source>
        <translation>请先将图片添加为附件（点击“添加文件…”或拖放到此处），然后选中它并点击“图片”。</translation>
    </message>
    <message>
        <source>Picture caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Describe the picture for readers who can&apos;t see it (required on a government site):</source>
        <translation>请为无法看到图片的读者描述图片内容（政府网站必填）：</translation>
    </message>
    <message>
        <source>Open a Word document</source>
        <translation>打开 Word 文档</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Word document not imported</source>
        <translation>未导入 Word 文档</translation>
    </message>
    <message>
        <source>Keep the document?</source>
        <translation>保留原文档？</translation>
    </message>
    <message>
        <source>Also attach &quot;%1&quot; itself, so that reviewers can open the original?</source>
        <translation>是否将“%1”本身也作为附件，便于审核人打开原文？</translation>
    </message>
    <message>
        <source>Type to search the columns</source>
        <translation>输入文字搜索栏目</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>— none named —</source>
        <translation>— 未指定 —</translation>
    </message>
</context>
<context>
    <name>baosong::ItemHistory</name>
    <message>
        <source>Not signed in: the history from the server needs a connection.</source>
        <translation>未登录：获取服务器上的历史记录需要连接服务器。</translation>
    </message>
    <message>
        <source>The server could not be reached (%1).</source>
        <translation>无法连接服务器（%1）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer has no history events.</source>
        <translation>服务器的应答中没有历史事件。</translation>
    </message>
    <message>
        <source>The server&apos;s answer has a history event without a type.</source>
        <translation>服务器的应答中有一条历史事件缺少类型。</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>%1 was refused: %2 (%3)</source>
        <translation>%1 被拒绝：%2（%3）</translation>
    </message>
    <message>
        <source>%1 created the draft</source>
        <translation>%1 创建了草稿</translation>
    </message>
    <message>
        <source>%1 saved revision %2</source>
        <translation>%1 保存了第%2稿</translation>
    </message>
    <message>
        <source>Revision %1 by %2</source>
        <translation>第%1稿，由 %2 撰写</translation>
    </message>
    <message>
        <source>%1 submitted it for review</source>
        <translation>%1 报送审核</translation>
    </message>
    <message>
        <source>%1 proposed a change (revision %2)</source>
        <translation>%1 提出修改（第%2稿）</translation>
    </message>
    <message>
        <source>%1 proposed retracting it</source>
        <translation>%1 提出撤下</translation>
    </message>
    <message>
        <source>%1 approved revision %2</source>
        <translation>%1 同意第%2稿</translation>
    </message>
    <message>
        <source>%1 approved revision %2 at &quot;%3&quot;</source>
        <translation>%1 在“%3”环节同意第%2稿</translation>
    </message>
    <message>
        <source>%1 returned revision %2</source>
        <translation>%1 退回第%2稿</translation>
    </message>
    <message>
        <source>%1 returned revision %2 at &quot;%3&quot;</source>
        <translation>%1 在“%3”环节退回第%2稿</translation>
    </message>
    <message>
        <source>%1 commented</source>
        <translation>%1 发表了评论</translation>
    </message>
    <message>
        <source>%1 withdrew it from review</source>
        <translation>%1 撤回了审核</translation>
    </message>
    <message>
        <source>%1 deleted the draft</source>
        <translation>%1 删除了草稿</translation>
    </message>
    <message>
        <source>Revision %1 was published</source>
        <translation>第%1稿已发布</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Retracted from the site</source>
        <translation>已从网站撤下</translation>
    </message>
    <message>
        <source>%1 overrode a blocking rule</source>
        <translation>%1 对阻止性规则作了例外处理</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — “%2”</source>
        <translation>%1 — “%2”</translation>
    </message>
    <message numerus="yes">
        <source>%1 (saved %n times)</source>
        <translation>
            <numerusform>%1（保存 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>the municipal platform</source>
        <translation>市政府网站平台</translation>
    </message>
    <message>
        <source>%1, sent to the municipal platform and published on the bureau site</source>
        <translation>%1，已报送市政府网站平台并在本局网站发布</translation>
    </message>
    <message>
        <source>%1, sent to the municipal platform only (not on the bureau site)</source>
        <translation>%1，仅报送市政府网站平台（不在本局网站发布）</translation>
    </message>
    <message>
        <source>Sent to the municipal platform</source>
        <translation>已报送市政府网站平台</translation>
    </message>
    <message>
        <source>The municipal platform adopted it</source>
        <translation>市政府网站平台已采用</translation>
    </message>
    <message>
        <source>The municipal platform returned it</source>
        <translation>市政府网站平台已退回</translation>
    </message>
    <message>
        <source>The municipal platform refused it</source>
        <translation>市平台拒收了此信息</translation>
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
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已过天数</translation>
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
    <message>
        <source>Baosong — %1 — %2 (example data)</source>
        <translation>报送 — %1 — %2（示例数据）</translation>
    </message>
    <message>
        <source>Baosong — %1 — %2</source>
        <translation>报送 — %1 — %2</translation>
    </message>
    <message>
        <source>Draft reopened</source>
        <translation>草稿已重新打开</translation>
    </message>
    <message>
        <source>Baosong did not close normally last time. The draft &quot;%1&quot; you were editing has been reopened as it was last saved.</source>
        <translation>报送上次未正常关闭。您当时正在编辑的草稿“%1”已按最后一次保存的内容重新打开。</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部信息</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Take &quot;%1&quot; back from review? It becomes a draft again; you can change it and submit it anew.</source>
        <translation>确定将“%1”从审核中撤回吗？它将重新成为草稿；您可以修改后重新报送。</translation>
    </message>
    <message>
        <source>Not withdrawn</source>
        <translation>未撤回</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Delete the draft &quot;%1&quot;? This cannot be undone.</source>
        <translation>确定删除草稿“%1”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign out of %1? Your drafts and the items on this computer stay, and what waits to be sent is sent after you sign in again.</source>
        <translation>确定退出登录 %1 吗？您的草稿和本机上的信息都会保留，待发送的内容将在您重新登录后发送。</translation>
    </message>
    <message>
        <source>Switch server or account</source>
        <translation>切换服务器或账户</translation>
    </message>
    <message>
        <source>Each server and account has a profile of its own, so their data stay apart. Name of the profile to open (a new name makes a new profile):</source>
        <translation>每个服务器和账户都有各自的用户配置，使数据互相分开。请输入要打开的用户配置名称（输入新名称将新建用户配置）：</translation>
    </message>
    <message>
        <source>Baosong could not be started again.</source>
        <translation>无法重新启动报送。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used the next time Baosong starts.</source>
        <translation>新语言将在报送下次启动时生效。</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>The local store is damaged</source>
        <translation>本地数据库已损坏</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) are not sent to the server yet. They are kept on this computer and sent the next time Baosong reaches the server.</source>
        <translation>
            <numerusform>%n 项操作尚未发送到服务器。它们已保存在本机，将在下次连接到服务器时发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>下一条</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一条</translation>
    </message>
    <message>
        <source>&amp;Quick guide</source>
        <translation>快速指南(&amp;Q)</translation>
    </message>
    <message>
        <source>Quick guide</source>
        <translation>快速指南</translation>
    </message>
    <message>
        <source>How an item goes:
1. A correspondent drafts it (Ctrl+N) and submits it for review.
2. Each stage of its route approves it (A) or returns it with a reason (R): for news the unit head, then the office director; for disclosure the unit head, then the leader in charge; for a collective decision the unit head; for a repost the site administrator. Nobody decides their own item or two stages of one.
3. After the last stage it is published on the site.

Keys in the list: J next, K previous, Enter open, A approve, R return, F5 sync now. In the editor: Ctrl+S save, Esc close (the text is kept).

What waits to be sent is marked in the list; nothing is lost offline.</source>
        <translation>信息报送流程：
1. 联络员起草信息（Ctrl+N），报送审核。
2. 审核流程的每个环节通过（A）或退回并说明理由（R）：新闻动态由科室（单位）负责人审核，再由办公室主任审签；政府信息公开由科室（单位）负责人审核，再由分管领导审签；集体决策事项由科室（单位）负责人审核；转载上级网站信息由网站管理人员严格审核。任何人不得审核自己的信息，也不得审核同一信息的两个环节。
3. 最后一个环节通过后，在网站发布。

列表中的按键：J 下一条，K 上一条，Enter 打开，A 通过，R 退回，F5 立即同步。编辑器中：Ctrl+S 保存，Esc 关闭（内容会保留）。

待发送的内容在列表中有标记；离线时不会丢失任何内容。</translation>
    </message>
    <message>
        <source>New from &amp;Word document…</source>
        <translation>从 Word 文档新建(&amp;W)…</translation>
    </message>
    <message>
        <source>Open a Word document</source>
        <translation>打开 Word 文档</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <source>Many items deleted on the server</source>
        <translation>服务器上删除了大量信息</translation>
    </message>
    <message>
        <source>The server says %1 of the %2 items on this computer were deleted. Nothing has been removed yet.

Delete them on this computer too? Choose No to keep them here (they stay on this computer only).</source>
        <translation>服务器表示，本机 %2 条信息中有 %1 条已被删除。目前尚未删除任何内容。

是否也在本机删除？选择“否”则保留在本机（仅保存在这台电脑上）。</translation>
    </message>
    <message>
        <source>Rebuild the local store from the server now?</source>
        <translation>现在从服务器重建本地数据库吗？</translation>
    </message>
    <message>
        <source>Local store rebuilt</source>
        <translation>本地数据库已重建</translation>
    </message>
    <message>
        <source>The local store was not rebuilt</source>
        <translation>本地数据库未能重建</translation>
    </message>
</context>
<context>
    <name>baosong::NoticeBanner</name>
    <message>
        <source>&amp;Show</source>
        <translation>查看(&amp;S)</translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation>关闭此提示</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>baosong::NoticeDialog</name>
    <message>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>New inspection notice</source>
        <translation>新的检查通报</translation>
    </message>
    <message>
        <source>Inspection notice</source>
        <translation>检查通报</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Finding:</source>
        <translation>发现的问题(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>F&amp;ollow-up:</source>
        <translation>整改情况(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>baosong::Notifier</name>
    <message numerus="yes">
        <source>Baosong: %n item(s) wait for you</source>
        <translation>
            <numerusform>报送：%n 条信息待您处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Baosong</source>
        <translation>报送</translation>
    </message>
</context>
<context>
    <name>baosong::Package</name>
    <message>
        <source>The file is not a Word document (.docx): it is not a zip package.</source>
        <translation>该文件不是 Word 文档（.docx）：它不是 zip 格式的文件包。</translation>
    </message>
</context>
<context>
    <name>baosong::RegisterClient</name>
    <message>
        <source>Not signed in: the register comes from the server.</source>
        <translation>未登录：台账需要从服务器获取。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a notice.</source>
        <translation>服务器的回答不是一条通报。</translation>
    </message>
    <message>
        <source>Not signed in: notices are recorded on the server.</source>
        <translation>未登录：通报需要在服务器上登记。</translation>
    </message>
</context>
<context>
    <name>baosong::RegisterDialog</name>
    <message>
        <source>Quarter %1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Days…</source>
        <translation>自定义日期…</translation>
    </message>
    <message>
        <source>Accountability register %1 to %2.csv</source>
        <translation>责任追究台账 %1 至 %2.csv</translation>
    </message>
    <message>
        <source>Export the accountability register</source>
        <translation>导出责任追究台账</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The register could not be fetched: %1</source>
        <translation>无法获取台账：%1</translation>
    </message>
    <message>
        <source>The notice was saved.</source>
        <translation>通报已保存。</translation>
    </message>
    <message>
        <source>Notice not saved</source>
        <translation>通报未保存</translation>
    </message>
    <message>
        <source>The first day must not be after the last.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <source>Fetching the register from the server…</source>
        <translation>正在从服务器获取台账…</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Route check: %1 publication(s) of %2 item(s) in the period were checked against their routes; each had an approval at every stage its route required.</source>
        <translation>审核流程核查：本期 %2 条信息的 %1 次发布均已按流程核查，每次发布在流程要求的每个环节都有审核记录。</translation>
    </message>
    <message>
        <source>Route check: %1 publication(s) of %2 item(s) in the period were checked against their routes; %3 lacked an approval of a stage their route required (see Route check).</source>
        <translation>审核流程核查：本期 %2 条信息的 %1 次发布已按流程核查，其中 %3 次缺少流程要求环节的审核（见“流程核查”）。</translation>
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
        <source>Interval (days)</source>
        <translation>更新周期（天）</translation>
    </message>
    <message>
        <source>Last published</source>
        <translation>最近发布</translation>
    </message>
    <message>
        <source>Stale from</source>
        <translation>超期起始</translation>
    </message>
    <message>
        <source>Stale to</source>
        <translation>超期截止</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>%1 (still stale)</source>
        <translation>%1（仍未更新）</translation>
    </message>
    <message>
        <source>never (empty)</source>
        <translation>从未发布（空白）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Required stages</source>
        <translation>应经审核环节</translation>
    </message>
    <message>
        <source>Missing stages</source>
        <translation>缺少的环节</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>起算日期</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>yes, %1</source>
        <translation>是，%1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>S&amp;tale columns (%1)</source>
        <translation>超期栏目(&amp;T)（%1）</translation>
    </message>
    <message>
        <source>&amp;Route check (%1)</source>
        <translation>流程核查(&amp;R)（%1）</translation>
    </message>
    <message>
        <source>&amp;Overrides (%1)</source>
        <translation>强制通过(&amp;O)（%1）</translation>
    </message>
    <message>
        <source>&amp;Corrections and retractions (%1)</source>
        <translation>更正与撤回(&amp;C)（%1）</translation>
    </message>
    <message>
        <source>&amp;Late items (%1)</source>
        <translation>超期信息(&amp;L)（%1）</translation>
    </message>
    <message>
        <source>Inspection &amp;notices (%1)</source>
        <translation>检查通报(&amp;N)（%1）</translation>
    </message>
    <message>
        <source>%1 to %2 (judged to %3): %4 column(s) left stale, %5 override(s), %6 correction(s), %7 retraction(s), %8 late item(s), %9 notice(s).</source>
        <translation>%1 至 %2（统计截至 %3）：超期未更新栏目 %4 个，强制通过 %5 次，更正 %6 次，撤回 %7 次，超期信息 %8 条，检查通报 %9 条。</translation>
    </message>
    <message>
        <source>Saving the notice…</source>
        <translation>正在保存通报…</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>The register could not be written to %1: %2</source>
        <translation>台账无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>baosong::ReviewPane</name>
    <message numerus="yes">
        <source>From the server&apos;s audit log: %n event(s).</source>
        <translation>
            <numerusform>来自服务器的审计日志：共 %n 条事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: this is what this computer knows (revisions, decisions, comments). Submissions, withdrawals, overrides and refused actions need the server. (%1)</source>
        <translation>离线：以下为本机已知的内容（修订版、审批意见、评论）。报送、撤回、例外处理和被拒绝的操作需从服务器获取。（%1）</translation>
    </message>
    <message>
        <source>The server did not give the history: %1. Shown: what this computer knows.</source>
        <translation>服务器未返回历史记录：%1。现显示本机已知的内容。</translation>
    </message>
    <message>
        <source>Select an item to review it.</source>
        <translation>请选择一条信息进行审核。</translation>
    </message>
    <message>
        <source>The item is not on this computer (yet): sync, then look again.</source>
        <translation>该信息（尚）不在本机上：请同步后再查看。</translation>
    </message>
    <message>
        <source>What this computer knows; asking the server for the full history…</source>
        <translation>本机已知的内容；正在向服务器获取完整历史记录…</translation>
    </message>
    <message>
        <source>%1 at &quot;%2&quot;</source>
        <translation>%1（“%2”环节）</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>第%1稿</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>The server refused your %1: %2</source>
        <translation>服务器拒绝了您的%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) of yours wait to be sent to the server.</source>
        <translation>
            <numerusform>您有 %n 个操作等待发送到服务器。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to compare: there is no earlier approved or returned revision.</source>
        <translation>无可对比：没有此前已同意或已退回的修订版。</translation>
    </message>
    <message>
        <source>The proposed change (revision %1) compared with the live version (revision %2).</source>
        <translation>拟修改版本（第%1稿）与当前在线版本（第%2稿）对比。</translation>
    </message>
    <message>
        <source>The reviewer&apos;s minor edits (revision %1) compared with revision %2.</source>
        <translation>审核人的少量修改（第%1稿）与第%2稿对比。</translation>
    </message>
    <message>
        <source>Revision %1 compared with the returned revision %2.</source>
        <translation>第%1稿与被退回的第%2稿对比。</translation>
    </message>
    <message>
        <source>not on this computer: download it</source>
        <translation>不在本机：请下载</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <source>&amp;Attachments</source>
        <translation>附件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Attachments (%1)</source>
        <translation>附件（%1）(&amp;A)</translation>
    </message>
    <message>
        <source>Chec&amp;ks (%1)</source>
        <translation>检查（%1）(&amp;K)</translation>
    </message>
    <message>
        <source>Chec&amp;ks</source>
        <translation>检查(&amp;K)</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>approved, 保密审查 attested</source>
        <translation>同意，已确认保密审查</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>override: %1</source>
        <translation>例外处理：%1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>%1 (round %2)</source>
        <translation>%1（第 %2 轮）</translation>
    </message>
    <message>
        <source>Your &quot;%1&quot; could not be applied: %2 Choose: keep yours (it is sent again on the server&apos;s current version) or take the server&apos;s (your action is dropped).</source>
        <translation>您的“%1”操作未能生效：%2 请选择：保留您的操作（基于服务器当前版本重新发送），或采用服务器的版本（放弃您的操作）。</translation>
    </message>
    <message>
        <source>Yours: %1 on revision %2</source>
        <translation>您的操作：对第%2稿%1</translation>
    </message>
    <message>
        <source>at &quot;%1&quot;</source>
        <translation>（“%1”环节）</translation>
    </message>
    <message>
        <source>The server&apos;s: revision %1, %2</source>
        <translation>服务器的版本：第%1稿，%2</translation>
    </message>
    <message>
        <source>%1: %2 by %3, %4</source>
        <translation>%1：%3 %2，%4</translation>
    </message>
    <message>
        <source>The server&apos;s current version is not known; sync again.</source>
        <translation>服务器的当前版本未知；请重新同步。</translation>
    </message>
    <message>
        <source>Your decision could not be saved on this computer: %1</source>
        <translation>您的审批意见无法保存到本机：%1</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <source>Approval slip - %1.pdf</source>
        <translation>审签单 - %1.pdf</translation>
    </message>
    <message>
        <source>Save the approval slip as PDF</source>
        <translation>将审签单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Approval slip</source>
        <translation>审签单</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on this computer yet: download it first.</source>
        <translation>“%1”尚不在本机上：请先下载。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is damaged on this computer and is not opened: %2</source>
        <translation>本机上的“%1”已损坏，不予打开：%2</translation>
    </message>
    <message>
        <source>Could not make a copy of &quot;%1&quot; to open it in %2.</source>
        <translation>无法复制“%1”以便用 %2 打开。</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is damaged on this computer: %2</source>
        <translation>本机上的“%1”已损坏：%2</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>另存附件副本</translation>
    </message>
    <message>
        <source>Could not save &quot;%1&quot; as %2.</source>
        <translation>无法将“%1”另存为 %2。</translation>
    </message>
    <message>
        <source>A download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
    <message>
        <source>Sending your %1 failed: %2 It is tried again.</source>
        <translation>您的“%1”发送失败：%2 将自动重试。</translation>
    </message>
    <message>
        <source>checked: the file is complete</source>
        <translation>已核对，文件完整</translation>
    </message>
    <message>
        <source>Chan&amp;ges</source>
        <translation>修改内容(&amp;G)</translation>
    </message>
    <message>
        <source>Chan&amp;ges (%1)</source>
        <translation>修改内容(&amp;G)（%1）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (%2, in place of the %3)</source>
        <translation>%1（%2，代%3审核）</translation>
    </message>
    <message>
        <source>to come</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>Sent to the municipal platform</source>
        <translation>报送市政府网站集约化平台</translation>
    </message>
    <message>
        <source>Published on the site</source>
        <translation>在网站发布</translation>
    </message>
    <message>
        <source>after the last approval</source>
        <translation>最后一个环节同意后</translation>
    </message>
    <message>
        <source>URGENT, due %1</source>
        <translation>紧急，%1 前发布</translation>
    </message>
    <message>
        <source>released through %1 on %2</source>
        <translation>已于 %2 通过%1发布</translation>
    </message>
    <message>
        <source>The municipal platform returned it.</source>
        <translation>市政府网站平台已退回。</translation>
    </message>
    <message>
        <source>The municipal platform returned it: %1</source>
        <translation>市政府网站平台已退回：%1</translation>
    </message>
    <message>
        <source>The municipal platform adopted it.</source>
        <translation>市政府网站平台已采用。</translation>
    </message>
    <message>
        <source>The municipal platform refused it; it is not sent again.</source>
        <translation>市平台拒收了此信息，不再重新报送。</translation>
    </message>
    <message>
        <source>The municipal platform refused it: %1 It is not sent again.</source>
        <translation>市平台拒收了此信息：%1 不再重新报送。</translation>
    </message>
</context>
<context>
    <name>baosong::StatisticsClient</name>
    <message>
        <source>Not signed in: the statistics come from the server.</source>
        <translation>未登录：统计数据来自服务器。</translation>
    </message>
</context>
<context>
    <name>baosong::StatisticsDialog</name>
    <message>
        <source>Quarter %1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <source>Statistics %1 to %2.csv</source>
        <translation>统计 %1 至 %2.csv</translation>
    </message>
    <message>
        <source>Export the statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The statistics could not be fetched: %1</source>
        <translation>无法获取统计数据：%1</translation>
    </message>
    <message>
        <source>Fetching the statistics from the server…</source>
        <translation>正在从服务器获取统计数据…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>%1 (nothing submitted)</source>
        <translation>%1（未报送）</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %3 submitted, %4 published (%5 within 5 days); %n unit(s) submitted nothing.</source>
        <translation>
            <numerusform>%1 至 %2：报送 %3 条，采用 %4 条（5日内发布 %5）；%n 个单位未报送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted, published and adopted per unit</source>
        <translation>各单位报送、采用及市政府网站采用情况</translation>
    </message>
    <message>
        <source>Published on time per unit (%)</source>
        <translation>各单位按时发布率（%）</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>The statistics could not be written to %1: %2</source>
        <translation>无法将统计写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Statistics %1 to %2.xlsx</source>
        <translation>统计 %1 至 %2.xlsx</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Statistics report %1 to %2.pdf</source>
        <translation>统计报告 %1 至 %2.pdf</translation>
    </message>
    <message>
        <source>Save the statistics report</source>
        <translation>保存统计报告</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Statistics of the web-site items</source>
        <translation>网站信息报送统计</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>By column</source>
        <translation>按栏目</translation>
    </message>
    <message>
        <source>The statistics report could not be written to %1. Check that the folder exists and that you may write there.</source>
        <translation>无法将统计报告写入 %1。请检查该文件夹是否存在，以及您是否有写入权限。</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Trend by month</source>
        <translation>月度趋势</translation>
    </message>
    <message>
        <source>Trend by month: %1</source>
        <translation>月度趋势：%1</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>baosong::SyncEngine</name>
    <message>
        <source>This profile belongs to another server (%1); the server answering now is %2. Nothing was changed. Use a new profile for this server.</source>
        <translation>此用户配置属于另一台服务器（%1）；当前响应的服务器是 %2。未作任何改动。请为该服务器使用新的配置。</translation>
    </message>
    <message>
        <source>This profile belongs to the account &quot;%1&quot;, not &quot;%2&quot;. Nothing was changed. Use a new profile for another account.</source>
        <translation>此用户配置属于账户“%1”，而不是“%2”。未作任何改动。其他账户请使用新的配置。</translation>
    </message>
    <message>
        <source>A draft needs an id and its text.</source>
        <translation>草稿需要编号和内容。</translation>
    </message>
    <message>
        <source>Only a draft or a returned item can be edited; a published item is changed by proposing a change.</source>
        <translation>只有草稿或已退回的信息才能编辑；已发布的信息请通过“申请修改”进行修改。</translation>
    </message>
    <message>
        <source>Drafts are saved with saveDraft().</source>
        <translation>草稿须使用 saveDraft() 保存。</translation>
    </message>
    <message>
        <source>There is no item %1 in the local store.</source>
        <translation>本地数据库中没有信息 %1。</translation>
    </message>
    <message>
        <source>Only a refused or conflicting action can be dropped.</source>
        <translation>只有被拒绝或有冲突的操作才能放弃。</translation>
    </message>
    <message>
        <source>There is no conflict to resolve for this action.</source>
        <translation>该操作没有需要解决的冲突。</translation>
    </message>
    <message>
        <source>The server&apos;s current version is not known; sync again first.</source>
        <translation>尚不知道服务器上的当前版本；请先重新同步。</translation>
    </message>
    <message>
        <source>This draft already exists on the server; keep both versions instead.</source>
        <translation>该草稿已存在于服务器上；请改为保留两个版本。</translation>
    </message>
    <message>
        <source>Only a draft&apos;s text can be kept as a separate draft.</source>
        <translation>只有草稿的内容才能另存为单独的草稿。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <source>The server no longer accepts this session. Sign in again.</source>
        <translation>服务器已不再接受此会话。请重新登录。</translation>
    </message>
    <message>
        <source>The server can&apos;t be reached (%1). Your work is kept and will be sent later.</source>
        <translation>无法连接服务器（%1）。您的工作已保留，稍后将自动发送。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not one of a Baosong server. Sync stopped.</source>
        <translation>服务器的响应不是报送服务器的响应。同步已停止。</translation>
    </message>
    <message>
        <source>The change feed came from another server (%1, expected %2). Sync stopped; nothing was changed.</source>
        <translation>变更记录来自另一台服务器（%1，应为 %2）。同步已停止；未作任何改动。</translation>
    </message>
    <message>
        <source>Sync stopped: the server&apos;s certificate is not trusted. %1</source>
        <translation>同步已停止：服务器证书不受信任。%1</translation>
    </message>
    <message>
        <source>The stage you decided has been decided meanwhile (the item is now: %1). Your decision is not needed any more: take the server&apos;s version.</source>
        <translation>您审批的环节已由他人审批（该信息现为：%1）。您的审批意见已无需提交：请采用服务器的版本。</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Sending failed, will retry</source>
        <translation>发送失败，将重试</translation>
    </message>
    <message>
        <source>Conflict: your decision</source>
        <translation>有冲突，待您处理</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>The local store of this profile is damaged. Sync has stopped so that nothing more is written into the damaged file. Choose “Rebuild from server” where the sync status is shown: the damaged file is kept aside, the work not yet sent is copied from it into a new local store, and everything else is fetched again from the server.</source>
        <translation>此配置的本地数据库已损坏。同步已停止，不再向损坏的文件写入任何内容。请在同步状态处选择“从服务器重建”：损坏的文件将被保留在一旁，尚未发送的工作将复制到新的本地数据库，其余内容从服务器重新获取。</translation>
    </message>
    <message numerus="yes">
        <source>The server says %n of the items on this computer were deleted. Nothing was removed yet: choose whether to delete them here too or keep them.</source>
        <translation>
            <numerusform>服务器表示本机有 %n 条信息已被删除。目前尚未删除任何内容：请选择是在本机也删除还是保留。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baosong::SyncStatusWidget</name>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Send what waits and fetch what changed, now (F5)</source>
        <translation>立即发送待发送的内容并获取变更（F5）</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 actions sent, %n item(s) received</source>
        <translation>
            <numerusform>已发送 %1/%2 项操作，已接收 %n 条信息</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>已于 %1 同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项操作待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) need your decision</source>
        <translation>
            <numerusform>%n 项操作需要您处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>请求编号：%1</translation>
    </message>
    <message>
        <source>Rebuild from server…</source>
        <translation>从服务器重建…</translation>
    </message>
    <message>
        <source>Keep the damaged local store aside, copy the work not yet sent into a new one and fetch everything else again from the server</source>
        <translation>将损坏的本地数据库保留在一旁，把尚未发送的工作复制到新的数据库，其余内容从服务器重新获取</translation>
    </message>
    <message>
        <source>Sync stopped: the local store is damaged</source>
        <translation>同步已停止：本地数据库已损坏</translation>
    </message>
</context>
<context>
    <name>baosong::TlsTrust</name>
    <message>
        <source>The server address must begin with https:// and name a host.</source>
        <translation>服务器地址必须以 https:// 开头并包含主机名。</translation>
    </message>
    <message>
        <source>The server %1 did not complete a secure connection within %2 seconds.</source>
        <translation>服务器 %1 未在 %2 秒内完成安全连接。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>The certificate of the server %1 has changed: sync has stopped.

Certificate confirmed earlier:
%2

Certificate presented now:
%3

This happens when the server was given a new certificate, or when someone is intercepting the connection. Ask your administrator which fingerprint is right before trusting the new certificate.</source>
        <translation>服务器 %1 的证书已变更：同步已停止。

先前确认的证书：
%2

当前出示的证书：
%3

出现这种情况，可能是服务器更换了新证书，也可能是有人在截取连接。信任新证书之前，请向系统管理员确认哪个指纹是正确的。</translation>
    </message>
    <message>
        <source>The server %1 presents a certificate that no authority known to this computer vouches for (the server&apos;s own, self-signed certificate, for example).

Trust it only if this fingerprint is the one your administrator gave you (baosong-server prints it):
%2</source>
        <translation>服务器 %1 出示的证书未经本机已知的任何证书颁发机构认证（例如服务器自己的自签名证书）。

只有当此指纹与系统管理员提供给您的指纹一致时才可信任（baosong-server 会显示该指纹）：
%2</translation>
    </message>
    <message>
        <source>The certificate of the server %1 was issued by an authority this computer does not know. Ask your administrator for the bureau&apos;s CA certificate file and choose it in the connection settings.</source>
        <translation>服务器 %1 的证书由本机不认识的证书颁发机构签发。请向系统管理员索取本局的 CA 证书文件，并在连接设置中选择该文件。</translation>
    </message>
    <message>
        <source>The certificate of the server %1 cannot be trusted: %2</source>
        <translation>服务器 %1 的证书不可信：%2</translation>
    </message>
    <message>
        <source>The certificate file %1 cannot be read: %2</source>
        <translation>无法读取证书文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate (PEM or DER).</source>
        <translation>文件 %1 中没有证书（PEM 或 DER 格式）。</translation>
    </message>
    <message>
        <source>The certificate &quot;%1&quot; in %2 is valid only from %3 to %4.</source>
        <translation>%2 中的证书“%1”仅在 %3 至 %4 期间有效。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The trust settings cannot be saved to %1: %2</source>
        <translation>无法将信任设置保存到 %1：%2</translation>
    </message>
    <message>
        <source>The trust settings %1 are damaged (%2): confirm the server&apos;s certificate again.</source>
        <translation>信任设置 %1 已损坏（%2）：请重新确认服务器证书。</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>未知版本</translation>
    </message>
    <message>
        <source>the pinned certificate is unreadable</source>
        <translation>已固定的证书无法读取</translation>
    </message>
    <message>
        <source>the pinned certificate does not match its fingerprint</source>
        <translation>已固定的证书与其指纹不符</translation>
    </message>
</context>
<context>
    <name>baosong::Transfer</name>
    <message>
        <source>%1 Sign in again.</source>
        <translation>%1请重新登录。</translation>
    </message>
    <message>
        <source>Uploading the attachment %1 failed: %2</source>
        <translation>上传附件 %1 失败：%2</translation>
    </message>
    <message>
        <source>Downloading the attachment %1 failed: %2</source>
        <translation>下载附件 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>baosong::UploadTransfer</name>
    <message>
        <source>it is no longer in the local attachment folder. Attach the file again.</source>
        <translation>该文件已不在本地附件文件夹中。请重新添加该附件。</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the server&apos;s answer to a new upload is incomplete.</source>
        <translation>服务器对新上传的响应不完整。</translation>
    </message>
    <message>
        <source>the server lost the upload %1 times; try again later.</source>
        <translation>服务器已 %1 次丢失该上传；请稍后重试。</translation>
    </message>
    <message>
        <source>the server&apos;s answer to a chunk has no valid Upload-Offset.</source>
        <translation>服务器对数据块的响应中没有有效的 Upload-Offset。</translation>
    </message>
    <message>
        <source>the file in the attachment folder changed after it was attached (its content no longer has its SHA-256), so its upload was cancelled. Attach the file again.</source>
        <translation>附件文件夹中的文件在添加后已被改动（其内容与 SHA-256 不再相符），因此已取消上传。请重新添加该附件。</translation>
    </message>
    <message>
        <source>the file is larger than the server takes (%1 MB at most). Remove it from the item, or attach a smaller file.</source>
        <translation>文件超过服务器允许的大小（最多 %1 MB）。请从信息中移除该文件，或附加较小的文件。</translation>
    </message>
    <message>
        <source>the file is larger than the server takes. Remove it from the item, or attach a smaller file.</source>
        <translation>文件超过服务器允许的大小。请从信息中移除该文件，或附加较小的文件。</translation>
    </message>
    <message>
        <source>your space for unfinished uploads on the server (%1 MB) is full. It is sent again later, when your other uploads have finished or expired.</source>
        <translation>您在服务器上用于未完成上传的空间（%1 MB）已满。待您的其他上传完成或过期后将再次发送。</translation>
    </message>
    <message>
        <source>the file was removed from the attachment folder during its upload, so its upload was cancelled. The item is kept and waits: attach the file again, or remove it from the item.</source>
        <translation>上传期间该文件已从附件文件夹中移除，上传已取消。信息仍保留并等待：请重新附加该文件，或将其从信息中移除。</translation>
    </message>
</context>
<context>
    <name>baosong::WordListsClient</name>
    <message>
        <source>Not signed in: the word lists need a connection to the server.</source>
        <translation>未登录：词库需要连接服务器。</translation>
    </message>
    <message>
        <source>Only a site administrator may change the word lists.</source>
        <translation>只有网站管理人员可以修改词库。</translation>
    </message>
    <message>
        <source>Someone else saved the word lists after you loaded them. Load them again (your text is lost on loading: copy it first) and make your change there.</source>
        <translation>您载入词库后他人保存了新版本。请重新载入（载入会丢失您的修改：请先复制）后再修改。</translation>
    </message>
    <message>
        <source>The word lists are too large for the server.</source>
        <translation>词库超出服务器允许的大小。</translation>
    </message>
</context>
<context>
    <name>baosong::WordListsDialog</name>
    <message>
        <source>Version %1 of the server&apos;s word lists.</source>
        <translation>服务器词库第 %1 版。</translation>
    </message>
    <message>
        <source>Saved as version %1. Every client uses these lists from its next sync.</source>
        <translation>已保存为第 %1 版。各客户端下次同步后使用新词库。</translation>
    </message>
    <message>
        <source>Loading the word lists from the server…</source>
        <translation>正在从服务器载入词库…</translation>
    </message>
    <message>
        <source>Not saved: these lines cannot be read. Correct them and save again.</source>
        <translation>未保存：以下行无法识别。请改正后再保存。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>baosong::server::ServerStore</name>
    <message>
        <source>Indexing %1 for the site</source>
        <translation>为网站索引 %1</translation>
    </message>
    <message>
        <source>Removing %1 from the site&apos;s index</source>
        <translation>从网站索引中移除 %1</translation>
    </message>
    <message>
        <source>Numbering the site&apos;s pages</source>
        <translation>为网站页面编号</translation>
    </message>
    <message>
        <source>Reading the site&apos;s index</source>
        <translation>读取网站索引</translation>
    </message>
    <message>
        <source>Pruning the site&apos;s index</source>
        <translation>清理网站索引</translation>
    </message>
    <message>
        <source>Recording the site&apos;s pages to write</source>
        <translation>记录待写入的网站页面</translation>
    </message>
    <message>
        <source>Reading the site&apos;s pages to write</source>
        <translation>读取待写入的网站页面</translation>
    </message>
    <message>
        <source>Recording the site&apos;s pages written</source>
        <translation>记录已写入的网站页面</translation>
    </message>
    <message>
        <source>Listing items</source>
        <translation>列出信息</translation>
    </message>
    <message>
        <source>Item %1 can&apos;t be read: %2</source>
        <translation>无法读取信息 %1：%2</translation>
    </message>
    <message>
        <source>Reading the inspection notices</source>
        <translation>读取检查通报</translation>
    </message>
    <message>
        <source>Inspection notice %1 can&apos;t be read: %2</source>
        <translation>无法读取检查通报 %1：%2</translation>
    </message>
    <message>
        <source>Saving inspection notice %1</source>
        <translation>保存检查通报 %1</translation>
    </message>
    <message>
        <source>Reading the audit log</source>
        <translation>读取审计日志</translation>
    </message>
</context>
<context>
    <name>baosong::sql</name>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
</context>
</TS>
