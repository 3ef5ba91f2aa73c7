<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Application</name>
    <message>
        <source>Baosong cannot open its local store</source>
        <translation>Baosong cannot open its local store</translation>
    </message>
    <message>
        <source>Baosong cannot set up the demo</source>
        <translation>Baosong cannot set up the demo</translation>
    </message>
    <message>
        <source>No organization yet</source>
        <translation>No organization yet</translation>
    </message>
    <message>
        <source>This profile has no organization yet. Start Baosong with --demo to try it with the example organization.</source>
        <translation>This profile has no organization yet. Start Baosong with --demo to try it with the example organization.</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Past the limit</source>
        <translation>Past the limit</translation>
    </message>
</context>
<context>
    <name>DeadlinePolicy</name>
    <message>
        <source>The publication deadlines are inconsistent: %1 days to publish, %2 days at the latest. The first must not be negative nor exceed the second.</source>
        <translation>The publication deadlines are inconsistent: %1 days to publish, %2 days at the latest. The first must not be negative nor exceed the second.</translation>
    </message>
    <message>
        <source>The &quot;due soon&quot; warning (%1 days) must not be negative.</source>
        <translation>The &quot;due soon&quot; warning (%1 days) must not be negative.</translation>
    </message>
    <message>
        <source>%1 is listed both as a holiday and as a working day.</source>
        <translation>%1 is listed both as a holiday and as a working day.</translation>
    </message>
    <message>
        <source>Holiday list, line %1: %2</source>
        <translation>Holiday list, line %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither &quot;holiday&quot; nor &quot;workday&quot;.</source>
        <translation>&quot;%1&quot; is neither &quot;holiday&quot; nor &quot;workday&quot;.</translation>
    </message>
    <message>
        <source>expected &quot;%1 &lt;date&gt;&quot; or &quot;%1 &lt;first date&gt; &lt;last date&gt;&quot;.</source>
        <translation>expected &quot;%1 &lt;date&gt;&quot; or &quot;%1 &lt;first date&gt; &lt;last date&gt;&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date of the form 2027-10-01.</source>
        <translation>&quot;%1&quot; is not a date of the form 2027-10-01.</translation>
    </message>
    <message>
        <source>the range ends (%1) before it starts (%2).</source>
        <translation>the range ends (%1) before it starts (%2).</translation>
    </message>
    <message>
        <source>the range is longer than a year.</source>
        <translation>the range is longer than a year.</translation>
    </message>
    <message>
        <source>Cannot open the holiday list &quot;%1&quot;: %2.</source>
        <translation>Cannot open the holiday list &quot;%1&quot;: %2.</translation>
    </message>
    <message>
        <source>%1 (in &quot;%2&quot;)</source>
        <translation>%1 (in &quot;%2&quot;)</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Please add the date and place of the event.</source>
        <translation>Please add the date and place of the event.</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>District bureau</source>
        <translation>District bureau</translation>
    </message>
    <message>
        <source>Affiliated unit</source>
        <translation>Affiliated unit</translation>
    </message>
    <message>
        <source>Information centre</source>
        <translation>Information centre</translation>
    </message>
    <message>
        <source>Correspondent</source>
        <translation>Correspondent</translation>
    </message>
    <message>
        <source>Unit head</source>
        <translation>Unit head</translation>
    </message>
    <message>
        <source>Leader in charge</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>Office director</source>
        <translation>Office director</translation>
    </message>
    <message>
        <source>Site administrator</source>
        <translation>Site administrator</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Disclosure item</source>
        <translation>Disclosure item</translation>
    </message>
    <message>
        <source>Collectively decided</source>
        <translation>Collectively decided</translation>
    </message>
    <message>
        <source>News</source>
        <translation>News</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>Repost</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>Retracted</translation>
    </message>
    <message>
        <source>Sent to the municipal portal</source>
        <translation>Sent to the municipal portal</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation>Retraction</translation>
    </message>
</context>
<context>
    <name>DomainJson</name>
    <message>
        <source>The field “%1” must be text.</source>
        <translation>The field “%1” must be text.</translation>
    </message>
    <message>
        <source>The field “%1” must not be empty.</source>
        <translation>The field “%1” must not be empty.</translation>
    </message>
    <message>
        <source>The field “%1” must be true or false.</source>
        <translation>The field “%1” must be true or false.</translation>
    </message>
    <message>
        <source>The field “%1” must be a whole number between %2 and %3.</source>
        <translation>The field “%1” must be a whole number between %2 and %3.</translation>
    </message>
    <message>
        <source>The field “%1” must be a date in the form YYYY-MM-DD.</source>
        <translation>The field “%1” must be a date in the form YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The field “%1” must be a date and time in ISO 8601 form (YYYY-MM-DDThh:mm:ss.zzzZ).</source>
        <translation>The field “%1” must be a date and time in ISO 8601 form (YYYY-MM-DDThh:mm:ss.zzzZ).</translation>
    </message>
    <message>
        <source>The field “%1” must be a SHA-256 digest written as 64 hexadecimal digits.</source>
        <translation>The field “%1” must be a SHA-256 digest written as 64 hexadecimal digits.</translation>
    </message>
    <message>
        <source>The field “%1” has the unknown value “%2”.</source>
        <translation>The field “%1” has the unknown value “%2”.</translation>
    </message>
    <message>
        <source>The field “%1” must be an object.</source>
        <translation>The field “%1” must be an object.</translation>
    </message>
    <message>
        <source>The field “%1” must be a list.</source>
        <translation>The field “%1” must be a list.</translation>
    </message>
    <message>
        <source>The required field “%1” is missing.</source>
        <translation>The required field “%1” is missing.</translation>
    </message>
    <message>
        <source>%1: the field &quot;%2&quot; has the wrong type.</source>
        <translation>%1: the field &quot;%2&quot; has the wrong type.</translation>
    </message>
    <message>
        <source>%1: the required field &quot;%2&quot; is missing or empty.</source>
        <translation>%1: the required field &quot;%2&quot; is missing or empty.</translation>
    </message>
    <message>
        <source>A unit has no &quot;id&quot;.</source>
        <translation>A unit has no &quot;id&quot;.</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>Unit %1</translation>
    </message>
    <message>
        <source>%1: unknown unit type &quot;%2&quot;.</source>
        <translation>%1: unknown unit type &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1: the code &quot;%2&quot; must not contain a slash or a space (it starts disclosure index numbers).</source>
        <translation>%1: the code &quot;%2&quot; must not contain a slash or a space (it starts disclosure index numbers).</translation>
    </message>
    <message>
        <source>A person has no &quot;id&quot;.</source>
        <translation>A person has no &quot;id&quot;.</translation>
    </message>
    <message>
        <source>Person %1</source>
        <translation>Person %1</translation>
    </message>
    <message>
        <source>Person %1, grant %2</source>
        <translation>Person %1, grant %2</translation>
    </message>
    <message>
        <source>%1: not an object.</source>
        <translation>%1: not an object.</translation>
    </message>
    <message>
        <source>%1: unknown role &quot;%2&quot;.</source>
        <translation>%1: unknown role &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 (%2) is not bureau-wide and names no unit: list its units in &quot;unit_ids&quot; or set &quot;bureau_wide&quot;.</source>
        <translation>%1 (%2) is not bureau-wide and names no unit: list its units in &quot;unit_ids&quot; or set &quot;bureau_wide&quot;.</translation>
    </message>
    <message>
        <source>A column has no &quot;id&quot;.</source>
        <translation>A column has no &quot;id&quot;.</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>%1: unknown column type &quot;%2&quot;.</source>
        <translation>%1: unknown column type &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1: the update interval (%2 days) is negative; use 0 for a column without an expected interval.</source>
        <translation>%1: the update interval (%2 days) is negative; use 0 for a column without an expected interval.</translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <source>The local store “%1” is damaged (%2) and could not be moved aside. Nothing was deleted. Close Baosong, move the file to a safe place yourself and start Baosong again; keep the file and ask the information centre for help.</source>
        <translation>The local store “%1” is damaged (%2) and could not be moved aside. Nothing was deleted. Close Baosong, move the file to a safe place yourself and start Baosong again; keep the file and ask the information centre for help.</translation>
    </message>
    <message>
        <source>The local store “%1” is damaged (%2). The damaged copy was kept as “%3”; nothing was deleted. Start Baosong again to create a new local store, which the next sync fills from the server. Changes that were not yet sent may still be in the damaged copy: keep it and ask the information centre for help.</source>
        <translation>The local store “%1” is damaged (%2). The damaged copy was kept as “%3”; nothing was deleted. Start Baosong again to create a new local store, which the next sync fills from the server. Changes that were not yet sent may still be in the damaged copy: keep it and ask the information centre for help.</translation>
    </message>
    <message>
        <source>The folder “%1” for the local store could not be created. Check that you may write there.</source>
        <translation>The folder “%1” for the local store could not be created. Check that you may write there.</translation>
    </message>
    <message>
        <source>The local store “%1” could not be opened: %2. Check that the file is not in use by another Baosong and that you may write to its folder.</source>
        <translation>The local store “%1” could not be opened: %2. Check that the file is not in use by another Baosong and that you may write to its folder.</translation>
    </message>
    <message>
        <source>The local store “%1” was written by a newer version of Baosong (schema %2); this version understands up to schema %3. Update Baosong to open it. The file was left unchanged.</source>
        <translation>The local store “%1” was written by a newer version of Baosong (schema %2); this version understands up to schema %3. Update Baosong to open it. The file was left unchanged.</translation>
    </message>
    <message>
        <source>write-ahead logging is not available</source>
        <translation>write-ahead logging is not available</translation>
    </message>
    <message>
        <source>The local store “%1” could not be upgraded from schema %2 to %3: %4. The file was left as it was.</source>
        <translation>The local store “%1” could not be upgraded from schema %2 to %3: %4. The file was left as it was.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>The local store is not open.</source>
        <translation>The local store is not open.</translation>
    </message>
    <message>
        <source>Saving the organization</source>
        <translation>Saving the organization</translation>
    </message>
    <message>
        <source>Reading the organization</source>
        <translation>Reading the organization</translation>
    </message>
    <message>
        <source>The organization kept in the local store is not valid (%1). Sync again to fetch it from the server.</source>
        <translation>The organization kept in the local store is not valid (%1). Sync again to fetch it from the server.</translation>
    </message>
    <message>
        <source>Saving item %1</source>
        <translation>Saving item %1</translation>
    </message>
    <message>
        <source>An item without an id can&apos;t be saved; nothing was saved.</source>
        <translation>An item without an id can&apos;t be saved; nothing was saved.</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>Saving items</source>
        <translation>Saving items</translation>
    </message>
    <message>
        <source>Reading item %1</source>
        <translation>Reading item %1</translation>
    </message>
    <message>
        <source>Item %1 in the local store can&apos;t be read (%2).</source>
        <translation>Item %1 in the local store can&apos;t be read (%2).</translation>
    </message>
    <message>
        <source>Removing item %1</source>
        <translation>Removing item %1</translation>
    </message>
    <message>
        <source>Counting items</source>
        <translation>Counting items</translation>
    </message>
    <message>
        <source>Listing items</source>
        <translation>Listing items</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Searching</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Baosong</source>
        <translation>Baosong</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Search titles and bodies (Ctrl+F)</source>
        <translation>Search titles and bodies (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About Baosong</source>
        <translation>&amp;About Baosong</translation>
    </message>
</context>
<context>
    <name>Organization</name>
    <message>
        <source>The organization has no &quot;%1&quot; list (it may be empty, but it must be there).</source>
        <translation>The organization has no &quot;%1&quot; list (it may be empty, but it must be there).</translation>
    </message>
    <message>
        <source>Entry %1 of &quot;%2&quot; is not an object with an &quot;id&quot;.</source>
        <translation>Entry %1 of &quot;%2&quot; is not an object with an &quot;id&quot;.</translation>
    </message>
    <message>
        <source>Two units have the id &quot;%1&quot;.</source>
        <translation>Two units have the id &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Two people have the id &quot;%1&quot;.</source>
        <translation>Two people have the id &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Two columns have the id &quot;%1&quot;.</source>
        <translation>Two columns have the id &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Units &quot;%1&quot; and &quot;%2&quot; have the same code &quot;%3&quot;.</source>
        <translation>Units &quot;%1&quot; and &quot;%2&quot; have the same code &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Person &quot;%1&quot; belongs to the unknown unit &quot;%2&quot;.</source>
        <translation>Person &quot;%1&quot; belongs to the unknown unit &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Person &quot;%1&quot;, grant %2 (%3) names the unknown unit &quot;%4&quot;.</source>
        <translation>Person &quot;%1&quot;, grant %2 (%3) names the unknown unit &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; has the unknown parent &quot;%2&quot;.</source>
        <translation>Column &quot;%1&quot; has the unknown parent &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; names the unknown responsible unit &quot;%2&quot;.</source>
        <translation>Column &quot;%1&quot; names the unknown responsible unit &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; is in a cycle of the column tree: %2.</source>
        <translation>Column &quot;%1&quot; is in a cycle of the column tree: %2.</translation>
    </message>
    <message>
        <source>The organization has no &quot;name&quot;.</source>
        <translation>The organization has no &quot;name&quot;.</translation>
    </message>
    <message>
        <source>The organization</source>
        <translation>The organization</translation>
    </message>
    <message>
        <source>Cannot open the organization file &quot;%1&quot;: %2.</source>
        <translation>Cannot open the organization file &quot;%1&quot;: %2.</translation>
    </message>
    <message>
        <source>The organization file &quot;%1&quot; is not valid JSON: %2 (at offset %3).</source>
        <translation>The organization file &quot;%1&quot; is not valid JSON: %2 (at offset %3).</translation>
    </message>
    <message>
        <source>The organization file &quot;%1&quot; does not hold a JSON object.</source>
        <translation>The organization file &quot;%1&quot; does not hold a JSON object.</translation>
    </message>
    <message>
        <source>The organization file &quot;%1&quot; is invalid: %2</source>
        <translation>The organization file &quot;%1&quot; is invalid: %2</translation>
    </message>
</context>
<context>
    <name>RouteEngine</name>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Propose a change</source>
        <translation>Propose a change</translation>
    </message>
    <message>
        <source>Propose retraction</source>
        <translation>Propose retraction</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot; has no stages.</source>
        <translation>Route &quot;%1&quot; has no stages.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;: a stage has no id.</source>
        <translation>Route &quot;%1&quot;: a stage has no id.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;: stage &quot;%2&quot; is defined twice.</source>
        <translation>Route &quot;%1&quot;: stage &quot;%2&quot; is defined twice.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: unknown role &quot;%3&quot;.</source>
        <translation>Route &quot;%1&quot;, stage &quot;%2&quot;: unknown role &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: the role &quot;%3&quot; approves nothing and cannot hold a stage.</source>
        <translation>Route &quot;%1&quot;, stage &quot;%2&quot;: the role &quot;%3&quot; approves nothing and cannot hold a stage.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: unknown scope &quot;%3&quot; (use item_unit or bureau).</source>
        <translation>Route &quot;%1&quot;, stage &quot;%2&quot;: unknown scope &quot;%3&quot; (use item_unit or bureau).</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot; says nothing about what comes next.</source>
        <translation>Route &quot;%1&quot;, stage &quot;%2&quot; says nothing about what comes next.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: the next stage &quot;%3&quot; does not exist.</source>
        <translation>Route &quot;%1&quot;, stage &quot;%2&quot;: the next stage &quot;%3&quot; does not exist.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;: its first stage &quot;%2&quot; does not exist.</source>
        <translation>Route &quot;%1&quot;: its first stage &quot;%2&quot; does not exist.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot; loops back to stage &quot;%2&quot; and never reaches publication.</source>
        <translation>Route &quot;%1&quot; loops back to stage &quot;%2&quot; and never reaches publication.</translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;: stage &quot;%2&quot; can never be reached from the first stage.</source>
        <translation>Route &quot;%1&quot;: stage &quot;%2&quot; can never be reached from the first stage.</translation>
    </message>
    <message>
        <source>The route definition is not valid JSON: %1 (at byte %2).</source>
        <translation>The route definition is not valid JSON: %1 (at byte %2).</translation>
    </message>
    <message>
        <source>The route definition names an unknown item kind &quot;%1&quot;.</source>
        <translation>The route definition names an unknown item kind &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The route of kind &quot;%1&quot; is defined twice.</source>
        <translation>The route of kind &quot;%1&quot; is defined twice.</translation>
    </message>
    <message>
        <source>The route definition has no route for items of kind &quot;%1&quot;.</source>
        <translation>The route definition has no route for items of kind &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Route &quot;municipal_portal&quot;: stage &quot;%1&quot; has the same id as a stage of a kind&apos;s route.</source>
        <translation>Route &quot;municipal_portal&quot;: stage &quot;%1&quot; has the same id as a stage of a kind&apos;s route.</translation>
    </message>
    <message>
        <source>Cannot read the route definition %1: %2</source>
        <translation>Cannot read the route definition %1: %2</translation>
    </message>
    <message>
        <source>Only the author of this item can do that.</source>
        <translation>Only the author of this item can do that.</translation>
    </message>
    <message>
        <source>You are no longer a correspondent of this item&apos;s unit; ask your unit to assign it.</source>
        <translation>You are no longer a correspondent of this item&apos;s unit; ask your unit to assign it.</translation>
    </message>
    <message>
        <source>This item is not waiting for review (it is: %1).</source>
        <translation>This item is not waiting for review (it is: %1).</translation>
    </message>
    <message>
        <source>This item is at a stage its route does not know.</source>
        <translation>This item is at a stage its route does not know.</translation>
    </message>
    <message>
        <source>The item is at &quot;%1&quot;; it cannot be decided at &quot;%2&quot;: no stage may be skipped.</source>
        <translation>The item is at &quot;%1&quot;; it cannot be decided at &quot;%2&quot;: no stage may be skipped.</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; of this unit&apos;s items is not yours: your role as %2 covers other units.</source>
        <translation>Stage &quot;%1&quot; of this unit&apos;s items is not yours: your role as %2 covers other units.</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; is decided by a %2.</source>
        <translation>Stage &quot;%1&quot; is decided by a %2.</translation>
    </message>
    <message>
        <source>Nobody may decide on their own item or revision; another %1 must decide.</source>
        <translation>Nobody may decide on their own item or revision; another %1 must decide.</translation>
    </message>
    <message>
        <source>Say why the item is returned, so its author can revise it.</source>
        <translation>Say why the item is returned, so its author can revise it.</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; has not approved this item; it cannot pass &quot;%2&quot;.</source>
        <translation>Stage &quot;%1&quot; has not approved this item; it cannot pass &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The last stage must attest the confidentiality review (保密审查): confirm that the item contains nothing classified.</source>
        <translation>The last stage must attest the confidentiality review (保密审查): confirm that the item contains nothing classified.</translation>
    </message>
    <message>
        <source>A major policy document is published with its interpretation (Art. 10): link the interpretation item, or give a reason to override, which is recorded.</source>
        <translation>A major policy document is published with its interpretation (Art. 10): link the interpretation item, or give a reason to override, which is recorded.</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>This account is disabled.</translation>
    </message>
    <message>
        <source>The item changed since you saw it (you saw revision %1, it is now at %2). Look at the new revision, then decide again.</source>
        <translation>The item changed since you saw it (you saw revision %1, it is now at %2). Look at the new revision, then decide again.</translation>
    </message>
    <message>
        <source>This item already exists.</source>
        <translation>This item already exists.</translation>
    </message>
    <message>
        <source>You can draft items only for your own unit.</source>
        <translation>You can draft items only for your own unit.</translation>
    </message>
    <message>
        <source>Only a correspondent can draft items.</source>
        <translation>Only a correspondent can draft items.</translation>
    </message>
    <message>
        <source>An item needs at least a title.</source>
        <translation>An item needs at least a title.</translation>
    </message>
    <message>
        <source>Only an item in review can be withdrawn.</source>
        <translation>Only an item in review can be withdrawn.</translation>
    </message>
    <message>
        <source>This item is %1 and cannot be changed now; a published item is changed by proposing a change.</source>
        <translation>This item is %1 and cannot be changed now; a published item is changed by proposing a change.</translation>
    </message>
    <message>
        <source>There is nothing to submit yet.</source>
        <translation>There is nothing to submit yet.</translation>
    </message>
    <message>
        <source>A comment cannot be empty.</source>
        <translation>A comment cannot be empty.</translation>
    </message>
    <message>
        <source>A draft is private to its author.</source>
        <translation>A draft is private to its author.</translation>
    </message>
    <message>
        <source>Only the author and the reviewers of this item can comment.</source>
        <translation>Only the author and the reviewers of this item can comment.</translation>
    </message>
    <message>
        <source>Only a published item with nothing in review can be changed or retracted.</source>
        <translation>Only a published item with nothing in review can be changed or retracted.</translation>
    </message>
    <message>
        <source>You can change or retract only your own unit&apos;s items.</source>
        <translation>You can change or retract only your own unit&apos;s items.</translation>
    </message>
    <message>
        <source>Only a correspondent can propose a change or retraction.</source>
        <translation>Only a correspondent can propose a change or retraction.</translation>
    </message>
    <message>
        <source>A change needs the changed item.</source>
        <translation>A change needs the changed item.</translation>
    </message>
    <message>
        <source>Say why the item is to be retracted.</source>
        <translation>Say why the item is to be retracted.</translation>
    </message>
    <message>
        <source>Unknown action.</source>
        <translation>Unknown action.</translation>
    </message>
</context>
<context>
    <name>baosong::ColumnTreeModel</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <source>Update every</source>
        <translation>Update every</translation>
    </message>
</context>
<context>
    <name>baosong::ItemListModel</name>
    <message>
        <source>[Urgent] %1</source>
        <translation>[Urgent] %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) to the target</source>
        <translation>
            <numerusform>%n day to the target</numerusform>
            <numerusform>%n days to the target</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue: %n day(s) to the limit</source>
        <translation>
            <numerusform>Overdue: %n day to the limit</numerusform>
            <numerusform>Overdue: %n days to the limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Limit passed %n day(s) ago</source>
        <translation>
            <numerusform>Limit passed %n day ago</numerusform>
            <numerusform>Limit passed %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Information date</source>
        <translation>Information date</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>baosong::MainWindow</name>
    <message>
        <source>Baosong — %1 (example data)</source>
        <translation>Baosong — %1 (example data)</translation>
    </message>
    <message>
        <source>Baosong — %1</source>
        <translation>Baosong — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in the local store</source>
        <translation>
            <numerusform>%n item in the local store</numerusform>
            <numerusform>%n items in the local store</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) match &quot;%1&quot;</source>
        <translation>
            <numerusform>%n item match &quot;%1&quot;</numerusform>
            <numerusform>%n items match &quot;%1&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source> · example organization (demo data)</source>
        <translation> · example organization (demo data)</translation>
    </message>
    <message>
        <source>Local store: %1</source>
        <translation>Local store: %1</translation>
    </message>
    <message>
        <source>About Baosong</source>
        <translation>About Baosong</translation>
    </message>
    <message>
        <source>Baosong (报送) drafts web-site items, routes them through approval and publishes them, following the bureau&apos;s web-site regulation.

Local store: %1</source>
        <translation>Baosong (报送) drafts web-site items, routes them through approval and publishes them, following the bureau&apos;s web-site regulation.

Local store: %1</translation>
    </message>
</context>
</TS>
