<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Accounts</name>
    <message numerus="yes">
        <source>The new password is too short: choose one of at least %n characters.</source>
        <translation>
            <numerusform>The new password is too short: choose one of at least %n characters.</numerusform>
            <numerusform>The new password is too short: choose one of at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new password must not be your user name: choose another one.</source>
        <translation>The new password must not be your user name: choose another one.</translation>
    </message>
    <message>
        <source>The change could not be saved (%1). Try again later; if it keeps failing, tell the information centre.</source>
        <translation>The change could not be saved (%1). Try again later; if it keeps failing, tell the information centre.</translation>
    </message>
    <message>
        <source>The user name or the password is not correct. Check both (and the keyboard layout) and try again.</source>
        <translation>The user name or the password is not correct. Check both (and the keyboard layout) and try again.</translation>
    </message>
    <message>
        <source>Signing in is not possible right now because the server could not record it. Try again in a few minutes; if it keeps failing, tell the information centre.</source>
        <translation>Signing in is not possible right now because the server could not record it. Try again in a few minutes; if it keeps failing, tell the information centre.</translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after too many failed sign-ins. Try again in %n minute(s), or ask the information centre to set a new password.</source>
        <translation>
            <numerusform>This account is locked after too many failed sign-ins. Try again in %n minute, or ask the information centre to set a new password.</numerusform>
            <numerusform>This account is locked after too many failed sign-ins. Try again in %n minutes, or ask the information centre to set a new password.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many failed sign-ins. Wait %n second, then try again.</numerusform>
            <numerusform>Too many failed sign-ins. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: this account is locked for %n minute(s). Try again then, or ask the information centre to set a new password.</source>
        <translation>
            <numerusform>Too many failed sign-ins: this account is locked for %n minute. Try again then, or ask the information centre to set a new password.</numerusform>
            <numerusform>Too many failed sign-ins: this account is locked for %n minutes. Try again then, or ask the information centre to set a new password.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is disabled. Ask the information centre to enable it.</source>
        <translation>This account is disabled. Ask the information centre to enable it.</translation>
    </message>
    <message>
        <source>Your account can&apos;t change its password (it is unknown or disabled). Ask the information centre.</source>
        <translation>Your account can&apos;t change its password (it is unknown or disabled). Ask the information centre.</translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after too many wrong passwords. Try again in %n minute(s).</source>
        <translation>
            <numerusform>This account is locked after too many wrong passwords. Try again in %n minute.</numerusform>
            <numerusform>This account is locked after too many wrong passwords. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many wrong passwords. Wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong passwords. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new password is the same as the current one: choose a different one.</source>
        <translation>The new password is the same as the current one: choose a different one.</translation>
    </message>
    <message>
        <source>The current password is not correct. Type it again.</source>
        <translation>The current password is not correct. Type it again.</translation>
    </message>
    <message>
        <source>The new password could not be processed. Try again later.</source>
        <translation>The new password could not be processed. Try again later.</translation>
    </message>
    <message>
        <source>There is no person with the user name &quot;%1&quot;. Check the name.</source>
        <translation>There is no person with the user name &quot;%1&quot;. Check the name.</translation>
    </message>
</context>
<context>
    <name>Api</name>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>There is nothing at %1.</translation>
    </message>
    <message>
        <source>Sign in required</source>
        <translation>Sign in required</translation>
    </message>
    <message>
        <source>Your session is missing, has expired or was ended. Sign in again.</source>
        <translation>Your session is missing, has expired or was ended. Sign in again.</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Bad request</translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;login&quot; and &quot;password&quot;.</source>
        <translation>Send a JSON object with &quot;login&quot; and &quot;password&quot;.</translation>
    </message>
    <message>
        <source>Too many attempts</source>
        <translation>Too many attempts</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;old_password&quot; and &quot;new_password&quot;.</source>
        <translation>Send a JSON object with &quot;old_password&quot; and &quot;new_password&quot;.</translation>
    </message>
    <message>
        <source>Password not changed</source>
        <translation>Password not changed</translation>
    </message>
    <message>
        <source>No such item</source>
        <translation>No such item</translation>
    </message>
    <message>
        <source>There is no item %1 that you may see.</source>
        <translation>There is no item %1 that you may see.</translation>
    </message>
    <message>
        <source>The cursor must be a whole number of 0 or more.</source>
        <translation>The cursor must be a whole number of 0 or more.</translation>
    </message>
    <message>
        <source>The limit must be a whole number of 1 or more.</source>
        <translation>The limit must be a whole number of 1 or more.</translation>
    </message>
    <message>
        <source>The action must be a JSON object.</source>
        <translation>The action must be a JSON object.</translation>
    </message>
    <message>
        <source>Every action needs an &quot;action_id&quot; (a UUID made by the client).</source>
        <translation>Every action needs an &quot;action_id&quot; (a UUID made by the client).</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;.</source>
        <translation>Unknown action &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Say which revision the action was made on (&quot;base_revision&quot;).</source>
        <translation>Say which revision the action was made on (&quot;base_revision&quot;).</translation>
    </message>
    <message>
        <source>Action id reused</source>
        <translation>Action id reused</translation>
    </message>
    <message>
        <source>This action id was already used for another action. Make a new one.</source>
        <translation>This action id was already used for another action. Make a new one.</translation>
    </message>
    <message>
        <source>Item exists</source>
        <translation>Item exists</translation>
    </message>
    <message>
        <source>An item with the id %1 already exists.</source>
        <translation>An item with the id %1 already exists.</translation>
    </message>
    <message>
        <source>A new item needs a known &quot;kind&quot;.</source>
        <translation>A new item needs a known &quot;kind&quot;.</translation>
    </message>
    <message>
        <source>Action refused</source>
        <translation>Action refused</translation>
    </message>
    <message>
        <source>Baosong server %1</source>
        <translation>Baosong server %1</translation>
    </message>
    <message>
        <source>Every action needs an &quot;item_id&quot; (the item&apos;s UUID, made by the client that created it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The override reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stage id is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not read or write its store lately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not save or read its data just now; nothing was changed. Try again in a little while (your client does so by itself); if it persists, tell the information centre the request id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; is not on the server for you: attach the file from your computer again so that it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is a WebSocket: open it with Upgrade: websocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The public site could not be updated for %n item(s); it is tried again by itself. The server&apos;s log and `baosong-server render-queue` say why.</source>
        <translation>
            <numerusform>The public site could not be updated for %n item; it is tried again by itself. The server&apos;s log and `baosong-server render-queue` say why.</numerusform>
            <numerusform>The public site could not be updated for %n items; it is tried again by itself. The server&apos;s log and `baosong-server render-queue` say why.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not permitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a site administrator (%1) may change the word lists and the detector settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word lists may take at most %1 MB together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;base_version&quot; (the version you edited), &quot;sensitive&quot; and &quot;misused&quot; (the lists&apos; text) and, optionally, &quot;settings&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word lists not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;settings&quot; must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word lists changed meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone saved the word lists after you loaded them (version %1 now, yours %2). Load them again and make your change there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the period as quarter=YYYY-Q (e.g. 2026-4) or as from=YYYY-MM-DD and to=YYYY-MM-DD, the first not after the second, at most three years apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the auditor and the administrators may read the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after must be a sequence number, limit 1 to 500, from and to dates (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the office director (%1), a site administrator (%2) or an administrator (%3) may change the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;base_version&quot; (the organization&apos;s version you edited) and &quot;column&quot; (the column as GET /api/v1/organization lists it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column&apos;s id (%1) is not the one of the address (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns changed meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed the organization after you loaded it (version %1 now, yours %2). Your client fetches it again; make your change there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) for the municipal platform could not be sent lately; they are tried again by themselves (`baosong-server portal-queue`).</source>
        <translation>
            <numerusform>%n item for the municipal platform could not be sent lately; they are tried again by themselves (`baosong-server portal-queue`).</numerusform>
            <numerusform>%n items for the municipal platform could not be sent lately; they are tried again by themselves (`baosong-server portal-queue`).</numerusform>
        </translation>
    </message>
    <message>
        <source>An inspection would fail the site now: too many columns are stale, long unupdated or empty (`baosong-server column-health`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a site administrator (%1) or an administrator may record inspection notices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the notice as a JSON object: &quot;date&quot;, &quot;source&quot;, &quot;finding&quot;, &quot;unit_id&quot;, &quot;follow_up&quot;, &quot;closed&quot;, &quot;closed_on&quot; (and, for a change, the &quot;version&quot; you edited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no inspection notice %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice changed meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this notice after you opened it (version %1 now, yours %2). Open it again and make your change there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item kept changing while the action was judged. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Baosong cannot set up the demo</source>
        <translation>Baosong cannot set up the demo</translation>
    </message>
    <message>
        <source>No organization yet</source>
        <translation>No organization yet</translation>
    </message>
    <message>
        <source>Baosong cannot open this profile</source>
        <translation>Baosong cannot open this profile</translation>
    </message>
    <message>
        <source>Baosong cannot trust the server</source>
        <translation>Baosong cannot trust the server</translation>
    </message>
    <message>
        <source>Fetching your organization and items…</source>
        <translation>Fetching your organization and items…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The organization could not be fetched from the server yet. Start Baosong again when the server can be reached.</source>
        <translation>The organization could not be fetched from the server yet. Start Baosong again when the server can be reached.</translation>
    </message>
</context>
<context>
    <name>ApprovalSlip</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Approved; confidentiality review (保密审查) attested</source>
        <translation>Approved; confidentiality review (保密审查) attested</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Approval slip</source>
        <translation>Approval slip</translation>
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
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Information date</source>
        <translation>Information date</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>— (known to the server&apos;s history only)</source>
        <translation>— (known to the server&apos;s history only)</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Index number</source>
        <translation>Index number</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Override: %1</source>
        <translation>Override: %1</translation>
    </message>
    <message>
        <source>waiting for decision</source>
        <translation>waiting for decision</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Earlier rounds</source>
        <translation>Earlier rounds</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>%1, %2 (revision %3): %4</source>
        <translation>%1, %2 (revision %3): %4</translation>
    </message>
    <message>
        <source>Printed %1. Item %2.</source>
        <translation>Printed %1. Item %2.</translation>
    </message>
    <message>
        <source>Approval slip: %1</source>
        <translation>Approval slip: %1</translation>
    </message>
    <message>
        <source>The approval slip could not be written to %1. Check that the folder exists and that you may write there.</source>
        <translation>The approval slip could not be written to %1. Check that the folder exists and that you may write there.</translation>
    </message>
    <message>
        <source>The printer is not available.</source>
        <translation>The printer is not available.</translation>
    </message>
    <message>
        <source>Print the approval slip</source>
        <translation>Print the approval slip</translation>
    </message>
</context>
<context>
    <name>AttachmentPane</name>
    <message>
        <source>Attachments:</source>
        <translation>Attachments:</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <source>Attach files (you can also drop several files here or on the body)</source>
        <translation>Attach files (you can also drop several files here or on the body)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Insert into &amp;body</source>
        <translation>Insert into &amp;body</translation>
    </message>
    <message>
        <source>Show the selected picture in the body, where the cursor is</source>
        <translation>Show the selected picture in the body, where the cursor is</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. action, override, login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events shown, for Excel and WPS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchApproveDialog</name>
    <message>
        <source>Approve several items</source>
        <translation>Approve several items</translation>
    </message>
    <message>
        <source>What approving the selected items will do to each:</source>
        <translation>What approving the selected items will do to each:</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Now at</source>
        <translation>Now at</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>What happens</translation>
    </message>
    <message>
        <source>For the items at their last stage: I attest the &amp;confidentiality review (保密审查): they contain nothing classified.</source>
        <translation>For the items at their last stage: I attest the &amp;confidentiality review (保密审查): they contain nothing classified.</translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>Not a SHA-256 digest: %1</source>
        <translation>Not a SHA-256 digest: %1</translation>
    </message>
    <message>
        <source>The attachment %1 is missing from %2.</source>
        <translation>The attachment %1 is missing from %2.</translation>
    </message>
    <message>
        <source>The attachment %1 is damaged: its content no longer matches its SHA-256 (%2).</source>
        <translation>The attachment %1 is damaged: its content no longer matches its SHA-256 (%2).</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 is a folder, not a file.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the attachment folder %1.</source>
        <translation>Cannot create the attachment folder %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Importing %1 was cancelled.</source>
        <translation>Importing %1 was cancelled.</translation>
    </message>
    <message>
        <source>Cannot store %1 as %2.</source>
        <translation>Cannot store %1 as %2.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Cannot remove %1.</translation>
    </message>
    <message>
        <source>Reading %1 was cancelled.</source>
        <translation>Reading %1 was cancelled.</translation>
    </message>
    <message>
        <source>The attachment folder %1 cannot be created.</source>
        <translation>The attachment folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The upload file cannot be created: %1</source>
        <translation>The upload file cannot be created: %1</translation>
    </message>
    <message>
        <source>The upload file cannot be written: %1</source>
        <translation>The upload file cannot be written: %1</translation>
    </message>
    <message>
        <source>The upload file cannot be read.</source>
        <translation>The upload file cannot be read.</translation>
    </message>
    <message>
        <source>The attachment cannot be stored: %1</source>
        <translation>The attachment cannot be stored: %1</translation>
    </message>
    <message>
        <source>%1 is not in the attachment folder %2.</source>
        <translation>%1 is not in the attachment folder %2.</translation>
    </message>
    <message>
        <source>The received content of the attachment %1 does not match its SHA-256; it was refused.</source>
        <translation>The received content of the attachment %1 does not match its SHA-256; it was refused.</translation>
    </message>
    <message>
        <source>The file that arrived does not have the SHA-256 announced; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Blocks submission</source>
        <translation>Blocks submission</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>The information date %1 is in the future. Enter the date the information arose (信息产生日期): dates are facts.</source>
        <translation>The information date %1 is in the future. Enter the date the information arose (信息产生日期): dates are facts.</translation>
    </message>
    <message numerus="yes">
        <source>To be published by %1 (Art. 15: within %n day(s)), at the latest %2.</source>
        <translation>
            <numerusform>To be published by %1 (Art. 15: within %n day), at the latest %2.</numerusform>
            <numerusform>To be published by %1 (Art. 15: within %n days), at the latest %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Due soon: to be published on time this item must be published by %1 (Art. 15). Submit it now.</source>
        <translation>Due soon: to be published on time this item must be published by %1 (Art. 15). Submit it now.</translation>
    </message>
    <message numerus="yes">
        <source>Past the target date %1 (Art. 15: within %n day(s)); it must be published by %2 at the latest.</source>
        <translation>
            <numerusform>Past the target date %1 (Art. 15: within %n day); it must be published by %2 at the latest.</numerusform>
            <numerusform>Past the target date %1 (Art. 15: within %n days); it must be published by %2 at the latest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The limit for publishing this information passed on %1 (Art. 15: at the latest %n day(s) after it arose). Check the information date, or give a reason to submit it anyway, which is recorded.</source>
        <translation>
            <numerusform>The limit for publishing this information passed on %1 (Art. 15: at the latest %n day after it arose). Check the information date, or give a reason to submit it anyway, which is recorded.</numerusform>
            <numerusform>The limit for publishing this information passed on %1 (Art. 15: at the latest %n days after it arose). Check the information date, or give a reason to submit it anyway, which is recorded.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>Enter a title.</translation>
    </message>
    <message>
        <source>Write the body of the item, or attach its document.</source>
        <translation>Write the body of the item, or attach its document.</translation>
    </message>
    <message>
        <source>Choose the column the item is published in.</source>
        <translation>Choose the column the item is published in.</translation>
    </message>
    <message>
        <source>The column of this item no longer exists; choose another column.</source>
        <translation>The column of this item no longer exists; choose another column.</translation>
    </message>
    <message>
        <source>Enter the date the information arose (信息产生日期, Art. 15).</source>
        <translation>Enter the date the information arose (信息产生日期, Art. 15).</translation>
    </message>
    <message>
        <source>The route definition has no route for %1 items; ask the administrator.</source>
        <translation>The route definition has no route for %1 items; ask the administrator.</translation>
    </message>
    <message>
        <source>Enter the site the reposted item comes from (Art. 13.4).</source>
        <translation>Enter the site the reposted item comes from (Art. 13.4).</translation>
    </message>
    <message>
        <source>Enter the address (URL) of the original item.</source>
        <translation>Enter the address (URL) of the original item.</translation>
    </message>
    <message>
        <source>The source address must be a web address starting with http:// or https://.</source>
        <translation>The source address must be a web address starting with http:// or https://.</translation>
    </message>
    <message>
        <source>Enter the meeting that decided it (局长办公会, 专题会议…; Art. 13.2).</source>
        <translation>Enter the meeting that decided it (局长办公会, 专题会议…; Art. 13.2).</translation>
    </message>
    <message>
        <source>Enter the date of the meeting.</source>
        <translation>Enter the date of the meeting.</translation>
    </message>
    <message>
        <source>The meeting date %1 is in the future; a decision is published after the meeting.</source>
        <translation>The meeting date %1 is in the future; a decision is published after the meeting.</translation>
    </message>
    <message>
        <source>Enter the disclosure catalogue entry (主动公开目录) the item belongs to.</source>
        <translation>Enter the disclosure catalogue entry (主动公开目录) the item belongs to.</translation>
    </message>
    <message>
        <source>A major policy document is published with its interpretation (Art. 10): link the interpretation item, or give a reason to submit without it, which is recorded.</source>
        <translation>A major policy document is published with its interpretation (Art. 10): link the interpretation item, or give a reason to submit without it, which is recorded.</translation>
    </message>
    <message>
        <source>A document cannot be its own interpretation; link the interpretation item.</source>
        <translation>A document cannot be its own interpretation; link the interpretation item.</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; does not take %2 items; choose a column for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another unit is responsible for the column &quot;%1&quot; (Art. 7), and this item&apos;s route does not pass the office: choose one of your unit&apos;s columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unit is not responsible for the column &quot;%1&quot;; make sure the item belongs there (the office decides).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no interpretation item %1 that you may see: link an existing interpretation, or remove the link and give a reason to go without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The linked item &quot;%1&quot; is not an interpretation (it is not in a policy interpretation column): link the interpretation item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The linked interpretation &quot;%1&quot; was retracted: link a current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The linked interpretation &quot;%1&quot; is not published yet: approve it first, so that both are on the site together (Art. 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released through %1 on %2: the deadline counts from that day (Art. 9: what other channels publish is published on the site too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the topic (主题分类) of the disclosure catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The topic &quot;%1&quot; is not a class of the catalogue&apos;s scheme; choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the genre (体裁) of the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The genre &quot;%1&quot; is not one of the catalogue&apos;s genres; choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the keywords (主题词) of the document; the catalogue and search use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date the document was written (成文日期).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date written %1 is in the future; enter the date on the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document in force has no replacement: set it repealed, or remove the replacing document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date the document was %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document cannot be %1 on %2, before it was written (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a repealed document names the one that replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document cannot replace itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no document %1 that you may see to name as the replacement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replacement &quot;%1&quot; is not a disclosure document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date it was released through %1 (Art. 9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release date %1 through %2 is in the future; enter the day it was released there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the channel (TV, newspaper…) it was released through on %1, or clear the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Urgent (Art. 9): it goes ahead of every queue, every reviewer on its route is notified at once, and it is due within %n hour(s) of its submission.</source>
        <translation>
            <numerusform>Urgent (Art. 9): it goes ahead of every queue, every reviewer on its route is notified at once, and it is due within %n hour of its submission.</numerusform>
            <numerusform>Urgent (Art. 9): it goes ahead of every queue, every reviewer on its route is notified at once, and it is due within %n hours of its submission.</numerusform>
        </translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; has been retired by the office and takes no new items; choose another column.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnChange</name>
    <message>
        <source>A column&apos;s id is made of letters, digits, &apos;-&apos; and &apos;_&apos; (at most %1), as its address on the site shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the column a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column&apos;s name must not begin or end with spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column&apos;s name must be on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column&apos;s description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A column has at most %1 keywords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keyword of the column is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keyword of the column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expected interval is from 0 (none) to %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The responsible unit &quot;%1&quot; is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A responsible unit is named twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent column &quot;%1&quot; is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is retired; a column in use cannot be placed under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A column cannot be placed under itself or one of its own sub-columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another column at the same place is already called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sub-column &quot;%1&quot; is still in use: retire or move it first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnHealth</name>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation type="unfinished">Due soon</translation>
    </message>
    <message>
        <source>Not updated in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns are not updated in time: at %2 an inspection fails the site. Update them now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns are not updated in time; at %2 an inspection fails the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns have not been updated for half a year: at %2 an inspection fails the site. Update them now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns have not been updated for half a year; at %2 an inspection fails the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns are empty: at %2 an inspection fails the site. Publish in them or take them off the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns are empty; at %2 an inspection fails the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column health has no list of columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A column of the column health is not readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column %1 is linked on the site but nothing is published in it. Publish in it or stop listing it while empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnHealthDialog</name>
    <message>
        <source>Column health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the columns my &amp;unit is responsible for</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s columns: add, move, rename and retire them, and set who keeps each one up to date (Art. 5, 7). Every change is recorded in the audit log, reaches every client at its next sync, and the site&apos;s pages follow by themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished">Column</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation type="unfinished">Responsible units</translation>
    </message>
    <message>
        <source>New &amp;column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;sub-column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column&apos;s name in its address on the site (letters, digits, &apos;-&apos; and &apos;_&apos;); it cannot change once saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Placed under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &amp;interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Responsible units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listed on the site while it has no items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty column fails an inspection: by default it stays out of the navigation until something is published in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tired: no new items, off the site&apos;s navigation (its pages stay)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the bureau&apos;s server</source>
        <translation>Connect to the bureau&apos;s server</translation>
    </message>
    <message>
        <source>Enter the address of your bureau&apos;s Baosong server, as your administrator gave it to you (for example 127.0.0.1:8443).</source>
        <translation>Enter the address of your bureau&apos;s Baosong server, as your administrator gave it to you (for example 127.0.0.1:8443).</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>I compared this fingerprint with the one from my administrator, and they are the same.</source>
        <translation>I compared this fingerprint with the one from my administrator, and they are the same.</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Trust this server</source>
        <translation>&amp;Trust this server</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>Work &amp;offline</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
</context>
<context>
    <name>ContentChecker</name>
    <message>
        <source>the file is not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n more like this here)</source>
        <translation>
            <numerusform>%1 (%n more like this here)</numerusform>
            <numerusform>%1 (%n more like this here)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContentScanner</name>
    <message>
        <source>Title, character %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body, character %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the attachment “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment “%1”, character %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>“%1” is a classification marking (密级标志): classified information must never be published. Remove it, or give a reason if it is not a marking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” may concern classified matters: check that nothing classified is revealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a resident ID number (its check digit is valid): personal information must not be published. Remove it or mask it (e.g. 110105********002X).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a bank card number (its Luhn check digit is valid): remove it or mask it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a mobile phone number: publish it only with its owner&apos;s consent (e.g. a contact line); otherwise remove it or mask it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a precise coordinate: surveying results this precise are often classified. Round it or remove it unless its publication was approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is on the sensitive word list: check that the item may be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is on the sensitive word list (%2): check that the item may be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a misused word: write “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content of “%1” was not checked: %2 Check it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is too large to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a Word document (.docx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an Excel workbook (.xlsx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files of this type cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a readable .%1 file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentSettings</name>
    <message>
        <source>Classification markings (密级标志)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile numbers (a warning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precise coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive words (the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misused words (the list, a warning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“detectors” must be an object of detector names and true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a detector that can be turned on or off (true or false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word lists need “version”, “sensitive” and “misused”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurlClient</name>
    <message>
        <source>the network library could not start a request.</source>
        <translation>the network library could not start a request.</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be resolved (%1).</source>
        <translation>the server&apos;s name could not be resolved (%1).</translation>
    </message>
    <message>
        <source>cannot connect to the server (%1).</source>
        <translation>cannot connect to the server (%1).</translation>
    </message>
    <message>
        <source>the server stopped answering (%1).</source>
        <translation>the server stopped answering (%1).</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted or not made out to its address, so the connection was refused (%1).</source>
        <translation>the server&apos;s certificate is not trusted or not made out to its address, so the connection was refused (%1).</translation>
    </message>
    <message>
        <source>the secure connection to the server failed (%1).</source>
        <translation>the secure connection to the server failed (%1).</translation>
    </message>
    <message>
        <source>the connection to the server was lost (%1).</source>
        <translation>the connection to the server was lost (%1).</translation>
    </message>
    <message>
        <source>a network error occurred (%1).</source>
        <translation>a network error occurred (%1).</translation>
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
    <message>
        <source>The deadline of urgent items is inconsistent: %1 hours, &quot;due soon&quot; in the last %2. The first must be at least 1 and the second between 0 and the first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Minor edits (recorded as a new revision and shown as a diff)</source>
        <translation>Minor edits (recorded as a new revision and shown as a diff)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comment:</translation>
    </message>
    <message>
        <source>Also &amp;publish on the bureau site</source>
        <translation>Also &amp;publish on the bureau site</translation>
    </message>
    <message>
        <source>&amp;Override reason:</source>
        <translation>&amp;Override reason:</translation>
    </message>
    <message>
        <source>Why it may be published anyway (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I attest the con&amp;fidentiality review (保密审查): this item contains nothing classified.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>In force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent to the municipal platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the municipal platform, in its review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopted by the municipal platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by the municipal platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News and updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy interpretations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the municipal platform</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>The field “%1” must be a list of texts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>&amp;Delete draft…</source>
        <translation>&amp;Delete draft…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
</context>
<context>
    <name>InspectionNotices</name>
    <message>
        <source>The notice&apos;s date is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice&apos;s date (%1) is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no unit &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closed notice needs the date it was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An open notice has no closing date: mark it closed, or leave the date out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice cannot be closed (%1) before its date (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The closing date (%1) is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;closed&quot; must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>The profile folder %1 cannot be created.</source>
        <translation>The profile folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>This profile is already open in another Baosong window (%1, process %2 on %3). Close that window first, or open another profile.</source>
        <translation>This profile is already open in another Baosong window (%1, process %2 on %3). Close that window first, or open another profile.</translation>
    </message>
    <message>
        <source>This profile is already open in another Baosong window. Close that window first, or open another profile.</source>
        <translation>This profile is already open in another Baosong window. Close that window first, or open another profile.</translation>
    </message>
    <message>
        <source>The profile&apos;s lock file %1 cannot be created: permission denied.</source>
        <translation>The profile&apos;s lock file %1 cannot be created: permission denied.</translation>
    </message>
    <message>
        <source>The profile&apos;s lock file %1 cannot be created.</source>
        <translation>The profile&apos;s lock file %1 cannot be created.</translation>
    </message>
</context>
<context>
    <name>ItemDiff</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Information date</source>
        <translation>Information date</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Source site</source>
        <translation>Source site</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>Source address</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>Catalogue entry</source>
        <translation>Catalogue entry</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Major policy document</source>
        <translation>Major policy document</translation>
    </message>
    <message>
        <source>Interpretation item</source>
        <translation>Interpretation item</translation>
    </message>
    <message>
        <source>Also to the municipal portal</source>
        <translation>Also to the municipal portal</translation>
    </message>
    <message>
        <source>Revision %1 compared with revision %2</source>
        <translation>Revision %1 compared with revision %2</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>added: %1</source>
        <translation>added: %1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>removed: %1</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message numerus="yes">
        <source>(%n character(s) inserted</source>
        <translation>
            <numerusform>(%n character inserted</numerusform>
            <numerusform>(%n characters inserted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted)</source>
        <translation>
            <numerusform>%n deleted)</numerusform>
            <numerusform>%n deleted)</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validity date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also released through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released there on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Item editor</source>
        <translation>Item editor</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>The headline as it will appear on the site</source>
        <translation>The headline as it will appear on the site</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>The kind decides the approval route (Art. 13)</source>
        <translation>The kind decides the approval route (Art. 13)</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>Route:</translation>
    </message>
    <message>
        <source>Also report to the municipal government portal (Art. 14)</source>
        <translation>Also report to the municipal government portal (Art. 14)</translation>
    </message>
    <message>
        <source>C&amp;olumn:</source>
        <translation>C&amp;olumn:</translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation>Show all columns</translation>
    </message>
    <message>
        <source>Also list the columns other units are responsible for</source>
        <translation>Also list the columns other units are responsible for</translation>
    </message>
    <message>
        <source>&amp;Information date:</source>
        <translation>&amp;Information date:</translation>
    </message>
    <message>
        <source>The date the information arose (信息产生日期); the publication deadlines count from it (Art. 15)</source>
        <translation>The date the information arose (信息产生日期); the publication deadlines count from it (Art. 15)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>&amp;Urgent</source>
        <translation>&amp;Urgent</translation>
    </message>
    <message>
        <source>A major public emergency (Art. 9): the item goes ahead of every queue</source>
        <translation>A major public emergency (Art. 9): the item goes ahead of every queue</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>Reposted from a higher-level site</source>
        <translation>Reposted from a higher-level site</translation>
    </message>
    <message>
        <source>e.g. 四川省自然资源厅</source>
        <translation>e.g. 四川省自然资源厅</translation>
    </message>
    <message>
        <source>Source &amp;address:</source>
        <translation>Source &amp;address:</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Collective decision</source>
        <translation>Collective decision</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Meeting:</translation>
    </message>
    <message>
        <source>Meeting &amp;date:</source>
        <translation>Meeting &amp;date:</translation>
    </message>
    <message>
        <source>The date of the meeting that decided it</source>
        <translation>The date of the meeting that decided it</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>Catalogue &amp;entry:</source>
        <translation>Catalogue &amp;entry:</translation>
    </message>
    <message>
        <source>The entry of the disclosure catalogue (主动公开目录)</source>
        <translation>The entry of the disclosure catalogue (主动公开目录)</translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation>Document &amp;number:</translation>
    </message>
    <message>
        <source>e.g. 巴自然资规〔2026〕1号</source>
        <translation>e.g. 巴自然资规〔2026〕1号</translation>
    </message>
    <message>
        <source>Major policy document (published with its interpretation, Art. 10)</source>
        <translation>Major policy document (published with its interpretation, Art. 10)</translation>
    </message>
    <message>
        <source>Inter&amp;pretation:</source>
        <translation>Inter&amp;pretation:</translation>
    </message>
    <message>
        <source>Search items…</source>
        <translation>Search items…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>&amp;Submit for review…</source>
        <translation>&amp;Submit for review…</translation>
    </message>
    <message>
        <source>Run the checks and send the item to its first reviewer</source>
        <translation>Run the checks and send the item to its first reviewer</translation>
    </message>
    <message>
        <source>Sour&amp;ce site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class of the catalogue&apos;s topic scheme (主题分类)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Genre:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type of document (体裁: 通知, 意见, 办法…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords (主题词), separated by commas or 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date &amp;written:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date on the document (成文日期)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date the document was amended or repealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document that replaces this repealed one; its page links to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft the interpretation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a draft of the interpretation in an interpretation column, linked to this document, and opens it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also released &amp;through:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TV, newspaper… (Art. 9); empty when not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day it was released there: the deadline counts from it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemViews</name>
    <message>
        <source>My drafts</source>
        <translation>My drafts</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>Waiting for me</translation>
    </message>
    <message>
        <source>Sent (in review)</source>
        <translation>Sent (in review)</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Your drafts, and your items returned to you for revision.</source>
        <translation>Your drafts, and your items returned to you for revision.</translation>
    </message>
    <message>
        <source>Items in review at a stage you decide.</source>
        <translation>Items in review at a stage you decide.</translation>
    </message>
    <message>
        <source>Your items on their way through review.</source>
        <translation>Your items on their way through review.</translation>
    </message>
    <message>
        <source>Items on the public site.</source>
        <translation>Items on the public site.</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>%1 is %2 characters long; at most %3 are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a control character (U+%2), which is not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interpretation must be named by its item id (a UUID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A revision has %1 attachments; at most %2 are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every attachment needs an id (a UUID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment name &quot;%1&quot; is not accepted: names may not contain path separators, control or direction characters, or be longer than %2 characters. Attach the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; needs its size and SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replacing document must be named by its item id (a UUID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are %1 keywords; at most %2 are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keyword</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Reading the outbox</source>
        <translation>Reading the outbox</translation>
    </message>
    <message>
        <source>Queueing an action</source>
        <translation>Queueing an action</translation>
    </message>
    <message>
        <source>Updating the outbox</source>
        <translation>Updating the outbox</translation>
    </message>
    <message>
        <source>Reading the sync state</source>
        <translation>Reading the sync state</translation>
    </message>
    <message>
        <source>Saving the sync state</source>
        <translation>Saving the sync state</translation>
    </message>
    <message>
        <source>Saving items failed: %1 items, %2 JSON objects.</source>
        <translation>Saving items failed: %1 items, %2 JSON objects.</translation>
    </message>
    <message>
        <source>Updating the search index failed: %1</source>
        <translation>Updating the search index failed: %1</translation>
    </message>
    <message>
        <source>Reading the search index failed: %1</source>
        <translation>Reading the search index failed: %1</translation>
    </message>
    <message>
        <source>Searching failed: %1</source>
        <translation>Searching failed: %1</translation>
    </message>
    <message>
        <source>The local store is damaged; nothing more is written into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store could not be written: the disk is full. What was saved before is kept; this change was not saved. Free some disk space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store could not be written: the disk reported an input/output error. What was saved before is kept; this change was not saved. Check the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store could not be written: its file or folder is read-only. What was saved before is kept; this change was not saved. Make them writable and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store “%1” could not be moved aside. Nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search index could not be set up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Baosong</source>
        <translation>Baosong</translation>
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
    <message>
        <source>What to list: choose a view, then narrow it with a column below</source>
        <translation>What to list: choose a view, then narrow it with a column below</translation>
    </message>
    <message>
        <source>Click a column to list only its items; click it again to list all columns</source>
        <translation>Click a column to list only its items; click it again to list all columns</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>&amp;Item</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;New draft</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Open the selected item (Enter)</source>
        <translation>Open the selected item (Enter)</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <source>Take the selected item back from review, to change it</source>
        <translation>Take the selected item back from review, to change it</translation>
    </message>
    <message>
        <source>&amp;Delete draft…</source>
        <translation>&amp;Delete draft…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Switch server or &amp;account…</source>
        <translation>Switch server or &amp;account…</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Only items of this kind</source>
        <translation>Only items of this kind</translation>
    </message>
    <message>
        <source>Only items of this unit</source>
        <translation>Only items of this unit</translation>
    </message>
    <message>
        <source>Only items in this state</source>
        <translation>Only items in this state</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <source>Tell me when items reach my queue, and when my items are returned or published</source>
        <translation>Tell me when items reach my queue, and when my items are returned or published</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Approve…</translation>
    </message>
    <message>
        <source>Approve the selected item at its current stage (A)</source>
        <translation>Approve the selected item at its current stage (A)</translation>
    </message>
    <message>
        <source>&amp;Return…</source>
        <translation>&amp;Return…</translation>
    </message>
    <message>
        <source>Return the selected item to its author, with a reason (R)</source>
        <translation>Return the selected item to its author, with a reason (R)</translation>
    </message>
    <message>
        <source>Approve &amp;selected…</source>
        <translation>Approve &amp;selected…</translation>
    </message>
    <message>
        <source>Approve all selected items at once: see first what happens to each</source>
        <translation>Approve all selected items at once: see first what happens to each</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Keep my session in a file on this computer</source>
        <translation>Keep my session in a file on this computer</translation>
    </message>
    <message>
        <source>Where there is no system keychain: keep the session in a file only you can read, so that you need not sign in at every start</source>
        <translation>Where there is no system keychain: keep the session in a file only you can read, so that you need not sign in at every start</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Oversight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Word lists and content checks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sensitive and misused word lists and the detectors every client and the server run (site administrators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Column health…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which columns are up to date, due soon, not updated in time or empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quarter&apos;s figures per unit and column, with charts and a CSV export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and filter the audit log (the auditor and the administrators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, move, rename and retire the site&apos;s columns and set who keeps them up to date (the office)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accountability &amp;register…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per unit: columns left stale, the route check, overrides, corrections and retractions, late items and inspection notices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>Urgent item waits for you</source>
        <translation>Urgent item waits for you</translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s) wait for you</source>
        <translation>
            <numerusform>%n new item wait for you</numerusform>
            <numerusform>%n new items wait for you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Returned to you for revision</source>
        <translation>Returned to you for revision</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of yours published</source>
        <translation>
            <numerusform>%n item of yours published</numerusform>
            <numerusform>%n items of yours published</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was restored from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of yours it no longer had were sent to it again.</source>
        <translation>
            <numerusform>%n item of yours it no longer had was sent to it again.</numerusform>
            <numerusform>%n items of yours it no longer had were sent to it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of yours were sent to it again; %1 need your step again (submit again or check).</source>
        <translation>
            <numerusform>%n item of yours was sent to it again; %1 need your step again (submit again or check).</numerusform>
            <numerusform>%n items of yours were sent to it again; %1 need your step again (submit again or check).</numerusform>
        </translation>
    </message>
    <message>
        <source>Urgent item on its way to you (Art. 9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1 (%n day left)</numerusform>
            <numerusform>%1 (%n days left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) of your unit need an update soon</source>
        <translation>
            <numerusform>%n column of your unit need an update soon</numerusform>
            <numerusform>%n columns of your unit need an update soon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) of your unit are not updated in time</source>
        <translation>
            <numerusform>%n column of your unit are not updated in time</numerusform>
            <numerusform>%n columns of your unit are not updated in time</numerusform>
        </translation>
    </message>
    <message>
        <source>Not updated in time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished">, </translation>
    </message>
    <message>
        <source>Due soon: %1</source>
        <translation type="unfinished"></translation>
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
    <name>PortalSender</name>
    <message>
        <source>The municipal platform does not accept the account %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in on the municipal platform as %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No municipal platform is configured ([municipal] url).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; cannot be read here: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped while sending &quot;%1&quot;; it resumes at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; is shorter here than its record says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved through the bureau&apos;s own route (Art. 14) before it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>The server answered %1.</source>
        <translation>The server answered %1.</translation>
    </message>
    <message>
        <source>(request %1)</source>
        <translation>(request %1)</translation>
    </message>
    <message>
        <source>This step is not yours to take: another role decides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step is not yours to take: your role covers other units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody may decide on their own item or revision; another reviewer must decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the author of this item can do that.</source>
        <translation type="unfinished">Only the author of this item can do that.</translation>
    </message>
    <message>
        <source>The item is at another stage: no stage may be skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier stage has not approved this item yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask the information centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You decided another stage of this item already; each stage is decided by another person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item changed since you saw it. Look at the new version, then decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is no longer in a state where this step applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stage was decided meanwhile. Look at the item again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item needs at least a title. Add one and send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last stage must confirm the confidentiality review (保密审查).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A major policy document needs its interpretation linked, or a recorded reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s checks stop this step. Open the item: its checks say what to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These edits are more than minor. Return the item to its author instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is live on the site: to take it off, its unit proposes a retraction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attachment is not on the server for you. Attach the file again from your computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterCalculator</name>
    <message>
        <source>The item is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The publication has no record in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No approval was recorded at its publication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No route is defined for its kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published without the approval of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publications checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without the full route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation type="unfinished">Overrides</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accountability register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judged to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished">Unit</translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished">Column</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation type="unfinished">Responsible units</translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never (empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <source>Route check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished">Time</translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished">Item</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <source>Required stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished">Checks</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections and retractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation type="unfinished">Retraction</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished">Published</translation>
    </message>
    <message>
        <source>Inspection notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished">no</translation>
    </message>
    <message>
        <source>The register is not readable (no period or units).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Accountability register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tale columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Corrections and retractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Late items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection &amp;notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an inspection notice (site administrators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the follow-up and the day the notice was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For Excel and WPS (UTF-8 with a byte-order mark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provincial government-affairs openness office, quarterly inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipal government office, spot check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General Office of the State Council, spot check of government websites</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Conflict: the item changed on the server</source>
        <translation>Conflict: the item changed on the server</translation>
    </message>
    <message>
        <source>&amp;Take theirs (drop my action)</source>
        <translation>&amp;Take theirs (drop my action)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>&amp;Attachments</source>
        <translation>&amp;Attachments</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Save a copy…</translation>
    </message>
    <message>
        <source>Chec&amp;ks</source>
        <translation>Chec&amp;ks</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>&amp;Route</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Re&amp;fresh from the server</source>
        <translation>Re&amp;fresh from the server</translation>
    </message>
    <message>
        <source>Approve with &amp;edits…</source>
        <translation>Approve with &amp;edits…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>&amp;Comment…</translation>
    </message>
    <message>
        <source>Approval slip as P&amp;DF…</source>
        <translation>Approval slip as P&amp;DF…</translation>
    </message>
    <message>
        <source>Pr&amp;int approval slip…</source>
        <translation>Pr&amp;int approval slip…</translation>
    </message>
    <message>
        <source>Keep &amp;mine (send it again on the current version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chan&amp;ges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do&amp;wnload missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appro&amp;ve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retur&amp;n…</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Only a draft that was never published can be deleted.</source>
        <translation>Only a draft that was never published can be deleted.</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; was decided meanwhile; the item is now at &quot;%2&quot;. Look at it again.</source>
        <translation>Stage &quot;%1&quot; was decided meanwhile; the item is now at &quot;%2&quot;. Look at it again.</translation>
    </message>
    <message>
        <source>The route definition&apos;s &quot;minor_edit_limit_percent&quot; must be a whole number from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is live on the bureau site: its change is published there too. To take the page off the site, its unit proposes a retraction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the information date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the major-policy flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the interpretation link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the municipal-portal flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor edits may not change %1: return the item to its author, who changes it and submits it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These edits change about %1 of %2 characters; more than %3% is not a minor edit. Return the item to its author instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You decided the stage &quot;%1&quot; of this item already; each stage is decided by another person. Another %2 decides &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: &quot;escalation&quot; must be a list of roles with their scopes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route &quot;%1&quot;, stage &quot;%2&quot;: the escalation names a role twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item changed since you saw it (someone saved or decided it meanwhile). Look at the item as it is now, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the other channel&apos;s release</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerCli</name>
    <message>
        <source>The password file %1 cannot be read: %2</source>
        <translation>The password file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;.</source>
        <translation>Unknown role &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>baosong-server %1 serving https://%2:%3/api/v1/ (store: %4)</source>
        <translation>baosong-server %1 serving https://%2:%3/api/v1/ (store: %4)</translation>
    </message>
    <message>
        <source>certificate SHA-256 fingerprint: %1</source>
        <translation>certificate SHA-256 fingerprint: %1</translation>
    </message>
    <message>
        <source>baosong-server stopped</source>
        <translation>baosong-server stopped</translation>
    </message>
    <message>
        <source>libsodium could not be initialised.</source>
        <translation>libsodium could not be initialised.</translation>
    </message>
    <message>
        <source>The configuration file (default: baosong-server.ini in the data folder).</source>
        <translation>The configuration file (default: baosong-server.ini in the data folder).</translation>
    </message>
    <message>
        <source>The data folder (default: ~/.local/share/Baosong/server).</source>
        <translation>The data folder (default: ~/.local/share/Baosong/server).</translation>
    </message>
    <message>
        <source>init: the administrator&apos;s login (default: admin).</source>
        <translation>init: the administrator&apos;s login (default: admin).</translation>
    </message>
    <message>
        <source>Read the password from this file.</source>
        <translation>Read the password from this file.</translation>
    </message>
    <message>
        <source>import: give people without a password a random one, written to this file.</source>
        <translation>import: give people without a password a random one, written to this file.</translation>
    </message>
    <message>
        <source>The name.</source>
        <translation>The name.</translation>
    </message>
    <message>
        <source>The person&apos;s unit.</source>
        <translation>The person&apos;s unit.</translation>
    </message>
    <message>
        <source>The person&apos;s job title.</source>
        <translation>The person&apos;s job title.</translation>
    </message>
    <message>
        <source>A role: ROLE:UNIT,UNIT or ROLE:* (bureau-wide).</source>
        <translation>A role: ROLE:UNIT,UNIT or ROLE:* (bureau-wide).</translation>
    </message>
    <message>
        <source>Unit or column type.</source>
        <translation>Unit or column type.</translation>
    </message>
    <message>
        <source>The unit&apos;s code for index numbers.</source>
        <translation>The unit&apos;s code for index numbers.</translation>
    </message>
    <message>
        <source>The parent column.</source>
        <translation>The parent column.</translation>
    </message>
    <message>
        <source>Responsible units, comma-separated.</source>
        <translation>Responsible units, comma-separated.</translation>
    </message>
    <message>
        <source>Expected update interval in days.</source>
        <translation>Expected update interval in days.</translation>
    </message>
    <message>
        <source>audit list: the first sequence number.</source>
        <translation>audit list: the first sequence number.</translation>
    </message>
    <message>
        <source>made a self-signed certificate: %1 (key %2, readable only by you)</source>
        <translation>made a self-signed certificate: %1 (key %2, readable only by you)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Password for %1: </translation>
    </message>
    <message>
        <source>administrator %1 created</source>
        <translation>administrator %1 created</translation>
    </message>
    <message>
        <source>store: %1</source>
        <translation>store: %1</translation>
    </message>
    <message>
        <source>import needs the organization file.</source>
        <translation>import needs the organization file.</translation>
    </message>
    <message>
        <source>imported %1: %2 units, %3 people, %4 columns</source>
        <translation>imported %1: %2 units, %3 people, %4 columns</translation>
    </message>
    <message>
        <source>passwords of new accounts: %1 (readable only by you)</source>
        <translation>passwords of new accounts: %1 (readable only by you)</translation>
    </message>
    <message>
        <source>	(disabled)</source>
        <translation>	(disabled)</translation>
    </message>
    <message>
        <source>user %1 needs the person&apos;s login.</source>
        <translation>user %1 needs the person&apos;s login.</translation>
    </message>
    <message>
        <source>user add needs --name.</source>
        <translation>user add needs --name.</translation>
    </message>
    <message>
        <source>person %1 saved; set a password with: user passwd %1</source>
        <translation>person %1 saved; set a password with: user passwd %1</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>New password for %1: </translation>
    </message>
    <message>
        <source>password of %1 set</source>
        <translation>password of %1 set</translation>
    </message>
    <message>
        <source>%1 disabled; their sessions are ended</source>
        <translation>%1 disabled; their sessions are ended</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 enabled</translation>
    </message>
    <message>
        <source>user: say list, add, passwd, disable or enable.</source>
        <translation>user: say list, add, passwd, disable or enable.</translation>
    </message>
    <message>
        <source>unit add needs --name and --type (office, section, district_bureau, affiliated_unit, information_centre).</source>
        <translation>unit add needs --name and --type (office, section, district_bureau, affiliated_unit, information_centre).</translation>
    </message>
    <message>
        <source>unit %1 saved</source>
        <translation>unit %1 saved</translation>
    </message>
    <message>
        <source>unit: say list, or add ID --name N --type T.</source>
        <translation>unit: say list, or add ID --name N --type T.</translation>
    </message>
    <message>
        <source>Unknown column type &quot;%1&quot; (dynamic, notice, policy, static).</source>
        <translation>Unknown column type &quot;%1&quot; (dynamic, notice, policy, static).</translation>
    </message>
    <message>
        <source>column add needs --name.</source>
        <translation>column add needs --name.</translation>
    </message>
    <message>
        <source>column %1 saved</source>
        <translation>column %1 saved</translation>
    </message>
    <message>
        <source>column: say list, or add ID --name N.</source>
        <translation>column: say list, or add ID --name N.</translation>
    </message>
    <message>
        <source>backup needs the path of the snapshot to write.</source>
        <translation>backup needs the path of the snapshot to write.</translation>
    </message>
    <message>
        <source>backup written to %1</source>
        <translation>backup written to %1</translation>
    </message>
    <message>
        <source>audit chain BROKEN at event %1: %2</source>
        <translation>audit chain BROKEN at event %1: %2</translation>
    </message>
    <message>
        <source>audit chain intact: %1 events</source>
        <translation>audit chain intact: %1 events</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot; (see --help).</source>
        <translation>Unknown command &quot;%1&quot; (see --help).</translation>
    </message>
    <message>
        <source>public site: https://%1:%2/ (folder %3)</source>
        <translation>public site: https://%1:%2/ (folder %3)</translation>
    </message>
    <message>
        <source>public site: written to %1 (served by the bureau&apos;s web server)</source>
        <translation>public site: written to %1 (served by the bureau&apos;s web server)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>wrote %1</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>removed %1</translation>
    </message>
    <message>
        <source>site %1 republished: %2 files written, %3 unchanged, %4 removed</source>
        <translation>site %1 republished: %2 files written, %3 unchanged, %4 removed</translation>
    </message>
    <message>
        <source>init [--admin ID] [--password-file F]   create config, store, administrator, certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serve                                    serve the HTTPS API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import FILE [--passwords-out F]          load an organization file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user list | add ID --name N [--unit U] [--title T] --grant ROLE[:UNITS|:*] ...
       | passwd ID [--password-file F] | disable ID | enable ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit list | add ID --name N --type T [--code C]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column list | add ID --name N [--parent P] [--type T] [--units U,V] [--interval DAYS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup PATH                              consistent snapshot while serving (SQLite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>republish                                rebuild the public site from the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baosong site server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what to do: %1 (see --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit chain intact: %1 events, the last one matching the keyed checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit checkpoint: the store has no keyed checkpoint yet (no audit key, or no event).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit checkpoint: event %1, hash %2, key mac %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit: say verify, checkpoint or list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit verify | checkpoint | list [--from N]  check the audit chain, print its keyed head, or list it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new epoch %1: clients will send again what this store lacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored                                 after restoring a backup: a new epoch, so clients re-send what it lacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the site could not be updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>render-queue: say nothing (to see it) or run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 item(s) waiting for their pages, %2 failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oldest queued at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last error: %1; next try at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>render-queue [run]                       the site&apos;s pages waiting to be written; run: write them now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>last %1 (%n day(s) ago)</source>
        <translation>
            <numerusform>last %1 (%n day ago)</numerusform>
            <numerusform>last %1 (%n days ago)</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>	long unupdated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale %1 of %2, long unupdated %3 of %4, empty %5 of %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the municipal portal&apos;s outbox could not be worked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portal-queue: say nothing (to see it) or run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 item(s) waiting to be sent to the municipal platform, %2 awaiting its decision, %3 failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column-health                            each column&apos;s last update and state; the inspection&apos;s counts (exit 1: failing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portal-queue [run]                       items for the municipal platform (Art. 14); run: send and ask now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>	retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>	not listed on the site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerConfig</name>
    <message>
        <source>The setting %1 must be a whole number from %2 to %3 (it is &quot;%4&quot;).</source>
        <translation>The setting %1 must be a whole number from %2 to %3 (it is &quot;%4&quot;).</translation>
    </message>
    <message>
        <source>The setting %1 must be a whole number of at least %2 (it is &quot;%3&quot;).</source>
        <translation>The setting %1 must be a whole number of at least %2 (it is &quot;%3&quot;).</translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read.</source>
        <translation>The configuration file %1 cannot be read.</translation>
    </message>
    <message>
        <source>The setting store/driver must be QSQLITE or QPSQL (it is &quot;%1&quot;).</source>
        <translation>The setting store/driver must be QSQLITE or QPSQL (it is &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>The database password file %1 cannot be read: %2</source>
        <translation>The database password file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The folder of %1 cannot be created.</source>
        <translation>The folder of %1 cannot be created.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>The setting server/language must be zh_CN or en (it is &quot;%1&quot;).</source>
        <translation>The setting server/language must be zh_CN or en (it is &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>The setting blobs/chunk_size must be at most %1 bytes (it is %2).</source>
        <translation>The setting blobs/chunk_size must be at most %1 bytes (it is %2).</translation>
    </message>
    <message>
        <source>The setting site/url must be the site&apos;s public http or https address (it is &quot;%1&quot;).</source>
        <translation>The setting site/url must be the site&apos;s public http or https address (it is &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>The setting municipal/url must be the municipal platform&apos;s https address (it is &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform needs municipal/login and a readable municipal/password_file (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[scoring]: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerStore</name>
    <message>
        <source>the counter “%1” is missing</source>
        <translation>the counter “%1” is missing</translation>
    </message>
    <message>
        <source>write-ahead logging is not available</source>
        <translation>write-ahead logging is not available</translation>
    </message>
    <message>
        <source>Cannot connect to the database %1: %2</source>
        <translation>Cannot connect to the database %1: %2</translation>
    </message>
    <message>
        <source>Unknown database driver “%1”: use QSQLITE or QPSQL.</source>
        <translation>Unknown database driver “%1”: use QSQLITE or QPSQL.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver of Qt (QPSQL) is not installed; on Debian install the package libqt6sql6-psql.</source>
        <translation>The PostgreSQL driver of Qt (QPSQL) is not installed; on Debian install the package libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt (QSQLITE) is not installed.</source>
        <translation>The SQLite driver of Qt (QSQLITE) is not installed.</translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation>No database file was given.</translation>
    </message>
    <message>
        <source>No PostgreSQL database name was given.</source>
        <translation>No PostgreSQL database name was given.</translation>
    </message>
    <message>
        <source>The database file %1 can&apos;t be read: %2</source>
        <translation>The database file %1 can&apos;t be read: %2</translation>
    </message>
    <message>
        <source>The database file %1 is damaged (%2). It was left as it is: restore the latest backup (baosong-server backup) or keep the file for the information centre.</source>
        <translation>The database file %1 is damaged (%2). It was left as it is: restore the latest backup (baosong-server backup) or keep the file for the information centre.</translation>
    </message>
    <message>
        <source>The server id can&apos;t be read: %1</source>
        <translation>The server id can&apos;t be read: %1</translation>
    </message>
    <message>
        <source>The database was written by a newer version of baosong-server (schema %1); this version understands up to schema %2. Update baosong-server to use it. The database was left unchanged.</source>
        <translation>The database was written by a newer version of baosong-server (schema %1); this version understands up to schema %2. Update baosong-server to use it. The database was left unchanged.</translation>
    </message>
    <message>
        <source>The database schema could not be created or upgraded from version %1 to %2: %3. Nothing was changed.</source>
        <translation>The database schema could not be created or upgraded from version %1 to %2: %3. Nothing was changed.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>A transaction is already open on this thread.</source>
        <translation>A transaction is already open on this thread.</translation>
    </message>
    <message>
        <source>Cannot begin a transaction: %1</source>
        <translation>Cannot begin a transaction: %1</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>Saving unit %1</source>
        <translation>Saving unit %1</translation>
    </message>
    <message>
        <source>Saving column %1</source>
        <translation>Saving column %1</translation>
    </message>
    <message>
        <source>Saving person %1</source>
        <translation>Saving person %1</translation>
    </message>
    <message>
        <source>Reading units</source>
        <translation>Reading units</translation>
    </message>
    <message>
        <source>Unit %1 can&apos;t be read: %2</source>
        <translation>Unit %1 can&apos;t be read: %2</translation>
    </message>
    <message>
        <source>Reading columns</source>
        <translation>Reading columns</translation>
    </message>
    <message>
        <source>Column %1 can&apos;t be read: %2</source>
        <translation>Column %1 can&apos;t be read: %2</translation>
    </message>
    <message>
        <source>Reading people</source>
        <translation>Reading people</translation>
    </message>
    <message>
        <source>Person %1 can&apos;t be read: %2</source>
        <translation>Person %1 can&apos;t be read: %2</translation>
    </message>
    <message>
        <source>Reading person %1</source>
        <translation>Reading person %1</translation>
    </message>
    <message>
        <source>Setting the password of %1</source>
        <translation>Setting the password of %1</translation>
    </message>
    <message>
        <source>There is no person %1.</source>
        <translation>There is no person %1.</translation>
    </message>
    <message>
        <source>Recording a failed login of %1</source>
        <translation>Recording a failed login of %1</translation>
    </message>
    <message>
        <source>Recording a login of %1</source>
        <translation>Recording a login of %1</translation>
    </message>
    <message>
        <source>Saving a session of %1</source>
        <translation>Saving a session of %1</translation>
    </message>
    <message>
        <source>The session already exists.</source>
        <translation>The session already exists.</translation>
    </message>
    <message>
        <source>Reading a session</source>
        <translation>Reading a session</translation>
    </message>
    <message>
        <source>Ending a session</source>
        <translation>Ending a session</translation>
    </message>
    <message>
        <source>There is no such session.</source>
        <translation>There is no such session.</translation>
    </message>
    <message>
        <source>Ending the sessions of %1</source>
        <translation>Ending the sessions of %1</translation>
    </message>
    <message>
        <source>Reading item %1</source>
        <translation>Reading item %1</translation>
    </message>
    <message>
        <source>Item %1 can&apos;t be read: %2</source>
        <translation>Item %1 can&apos;t be read: %2</translation>
    </message>
    <message>
        <source>An item without an id can&apos;t be saved.</source>
        <translation>An item without an id can&apos;t be saved.</translation>
    </message>
    <message>
        <source>Saving item %1</source>
        <translation>Saving item %1</translation>
    </message>
    <message>
        <source>Deleting item %1</source>
        <translation>Deleting item %1</translation>
    </message>
    <message>
        <source>Listing items in review</source>
        <translation>Listing items in review</translation>
    </message>
    <message>
        <source>Listing items</source>
        <translation>Listing items</translation>
    </message>
    <message>
        <source>Numbering an index number of %1</source>
        <translation>Numbering an index number of %1</translation>
    </message>
    <message>
        <source>Reading the change feed</source>
        <translation>Reading the change feed</translation>
    </message>
    <message>
        <source>Pruning deleted items</source>
        <translation>Pruning deleted items</translation>
    </message>
    <message>
        <source>Reading action %1</source>
        <translation>Reading action %1</translation>
    </message>
    <message>
        <source>An action without an id can&apos;t be recorded.</source>
        <translation>An action without an id can&apos;t be recorded.</translation>
    </message>
    <message>
        <source>Recording action %1</source>
        <translation>Recording action %1</translation>
    </message>
    <message>
        <source>Action %1 was already recorded.</source>
        <translation>Action %1 was already recorded.</translation>
    </message>
    <message>
        <source>Writing an audit event</source>
        <translation>Writing an audit event</translation>
    </message>
    <message>
        <source>Reading the audit log</source>
        <translation>Reading the audit log</translation>
    </message>
    <message>
        <source>Audit event %1 is missing: the log goes on with event %2.</source>
        <translation>Audit event %1 is missing: the log goes on with event %2.</translation>
    </message>
    <message>
        <source>Audit event 1 does not start the log: events before it were removed or it was changed.</source>
        <translation>Audit event 1 does not start the log: events before it were removed or it was changed.</translation>
    </message>
    <message>
        <source>Audit event %1 does not follow event %2: the events were reordered, or event %2 was changed and its hash rewritten.</source>
        <translation>Audit event %1 does not follow event %2: the events were reordered, or event %2 was changed and its hash rewritten.</translation>
    </message>
    <message>
        <source>Audit event %1 was changed: its content no longer matches its hash.</source>
        <translation>Audit event %1 was changed: its content no longer matches its hash.</translation>
    </message>
    <message>
        <source>Audit events from %1 on are missing: %2 events were written, the log ends with event %3.</source>
        <translation>Audit events from %1 on are missing: %2 events were written, the log ends with event %3.</translation>
    </message>
    <message>
        <source>A PostgreSQL store is backed up with PostgreSQL&apos;s own tools: run pg_dump (for example: pg_dump -Fc -f baosong.dump &lt;database&gt;), or use the backups of the database server.</source>
        <translation>A PostgreSQL store is backed up with PostgreSQL&apos;s own tools: run pg_dump (for example: pg_dump -Fc -f baosong.dump &lt;database&gt;), or use the backups of the database server.</translation>
    </message>
    <message>
        <source>A backup can&apos;t be made inside a transaction.</source>
        <translation>A backup can&apos;t be made inside a transaction.</translation>
    </message>
    <message>
        <source>The backup file %1 already exists; choose a new name.</source>
        <translation>The backup file %1 already exists; choose a new name.</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2</source>
        <translation>The backup to %1 failed: %2</translation>
    </message>
    <message>
        <source>Saving upload %1</source>
        <translation>Saving upload %1</translation>
    </message>
    <message>
        <source>Reading upload %1</source>
        <translation>Reading upload %1</translation>
    </message>
    <message>
        <source>There is no upload %1.</source>
        <translation>There is no upload %1.</translation>
    </message>
    <message>
        <source>Removing upload %1</source>
        <translation>Removing upload %1</translation>
    </message>
    <message>
        <source>Reading expired uploads</source>
        <translation>Reading expired uploads</translation>
    </message>
    <message>
        <source>Reading the uploads of %1</source>
        <translation>Reading the uploads of %1</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Saving %1</translation>
    </message>
    <message>
        <source>The audit key file %1 can&apos;t be made: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit key file %1 may be read by other accounts: make it readable by the server&apos;s account alone (chmod 600 %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit key file %1 can&apos;t be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit key file %1 holds no key (at least 16 bytes, as hex).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyed checkpoint of the audit log is missing: it was removed from the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyed checkpoint of the audit log was not made with this server&apos;s key: it was forged, or the key file was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events %1 to %2 were removed from the end of the log (the keyed checkpoint names event %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit event %1 is not the event the keyed checkpoint recorded: it was replaced and its hash recomputed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events after %1 were added without the audit key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording who sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading who sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the items that name %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queueing the site&apos;s pages of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the site&apos;s render queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the site&apos;s render queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording a change of accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the accounts&apos; generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the word lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word lists are missing from the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored detector settings cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the word lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the municipal portal&apos;s outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the municipal portal&apos;s outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading items for the statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot take the render lock: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no transaction on this thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the request guessed has changed; it is answered again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteRenderer</name>
    <message>
        <source>The site template %1 cannot be read: %2</source>
        <translation>The site template %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>%1 cannot be removed.</source>
        <translation>%1 cannot be removed.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>The folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The site folder %1 is locked by another render.</source>
        <translation>The site folder %1 is locked by another render.</translation>
    </message>
    <message>
        <source>The site&apos;s index cannot be updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site folder %1 cannot be synced to disk: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another server&apos;s render is still under way.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteSearch</name>
    <message>
        <source>The site&apos;s search is not configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s search index %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s search index %1 cannot be made: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s search index cannot be updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsCalculator</name>
    <message>
        <source>The scoring &quot;%1&quot; must be a number between -1000 and 1000 (known: disclosure, collective_decision, news, repost, adoption, late, breached).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statistics are not readable (no period, units or columns).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished">Submitted</translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished">Published</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished">Returned</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation type="unfinished">Retracted</translation>
    </message>
    <message>
        <source>Adopted by the municipal portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 5 days (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 15 days (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished">Unit</translation>
    </message>
    <message>
        <source>Nothing submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished">Column</translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By co&amp;lumn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For Excel and WPS (UTF-8 with a byte-order mark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workbook for WPS and Excel: a sheet per unit and per column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report for the quarterly meeting: the period, the tables and the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trend by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsWorkbook</name>
    <message>
        <source>The workbook %1 cannot be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadApi</name>
    <message>
        <source>Server error</source>
        <translation>Server error</translation>
    </message>
    <message>
        <source>No such upload</source>
        <translation>No such upload</translation>
    </message>
    <message>
        <source>There is no upload %1 of yours: it was finished, cancelled or has expired. Start it again.</source>
        <translation>There is no upload %1 of yours: it was finished, cancelled or has expired. Start it again.</translation>
    </message>
    <message>
        <source>Attachments unavailable</source>
        <translation>Attachments unavailable</translation>
    </message>
    <message>
        <source>This server has no attachment folder configured ([blobs] folder).</source>
        <translation>This server has no attachment folder configured ([blobs] folder).</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>There is nothing at %1.</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Method not allowed</translation>
    </message>
    <message>
        <source>An upload is read with GET, continued with PATCH and cancelled with DELETE.</source>
        <translation>An upload is read with GET, continued with PATCH and cancelled with DELETE.</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Bad request</translation>
    </message>
    <message>
        <source>Attachment too large</source>
        <translation>Attachment too large</translation>
    </message>
    <message>
        <source>An attachment may have at most %1 bytes; this one has %2.</source>
        <translation>An attachment may have at most %1 bytes; this one has %2.</translation>
    </message>
    <message>
        <source>Upload quota reached</source>
        <translation>Upload quota reached</translation>
    </message>
    <message>
        <source>Your unfinished uploads would take %1 bytes; at most %2 are allowed. Finish or cancel some first.</source>
        <translation>Your unfinished uploads would take %1 bytes; at most %2 are allowed. Finish or cancel some first.</translation>
    </message>
    <message>
        <source>Content does not match</source>
        <translation>Content does not match</translation>
    </message>
    <message>
        <source>An empty file does not have the SHA-256 %1.</source>
        <translation>An empty file does not have the SHA-256 %1.</translation>
    </message>
    <message>
        <source>Unsupported media type</source>
        <translation>Unsupported media type</translation>
    </message>
    <message>
        <source>Send a chunk as application/offset+octet-stream.</source>
        <translation>Send a chunk as application/offset+octet-stream.</translation>
    </message>
    <message>
        <source>Say where the chunk starts in an Upload-Offset header (a whole number).</source>
        <translation>Say where the chunk starts in an Upload-Offset header (a whole number).</translation>
    </message>
    <message>
        <source>Chunk too large</source>
        <translation>Chunk too large</translation>
    </message>
    <message>
        <source>A chunk may have at most %1 bytes.</source>
        <translation>A chunk may have at most %1 bytes.</translation>
    </message>
    <message>
        <source>Wrong offset</source>
        <translation>Wrong offset</translation>
    </message>
    <message>
        <source>The server has %1 bytes of this upload; send the chunk that starts there.</source>
        <translation>The server has %1 bytes of this upload; send the chunk that starts there.</translation>
    </message>
    <message>
        <source>Upload-Checksum must be &quot;sha256 &quot; followed by the chunk&apos;s SHA-256 in base64.</source>
        <translation>Upload-Checksum must be &quot;sha256 &quot; followed by the chunk&apos;s SHA-256 in base64.</translation>
    </message>
    <message>
        <source>Checksum mismatch</source>
        <translation>Checksum mismatch</translation>
    </message>
    <message>
        <source>The chunk did not arrive as sent (its SHA-256 differs); it was discarded. Send it again.</source>
        <translation>The chunk did not arrive as sent (its SHA-256 differs); it was discarded. Send it again.</translation>
    </message>
    <message>
        <source>A chunk must have at least one byte and end within the %1 bytes announced.</source>
        <translation>A chunk must have at least one byte and end within the %1 bytes announced.</translation>
    </message>
    <message>
        <source>The file that arrived does not have the SHA-256 announced; the upload starts again at offset 0.</source>
        <translation>The file that arrived does not have the SHA-256 announced; the upload starts again at offset 0.</translation>
    </message>
    <message>
        <source>No such attachment</source>
        <translation>No such attachment</translation>
    </message>
    <message>
        <source>There is no attachment %1 of an item that you may see.</source>
        <translation>There is no attachment %1 of an item that you may see.</translation>
    </message>
    <message>
        <source>Range not satisfiable</source>
        <translation>Range not satisfiable</translation>
    </message>
    <message>
        <source>Ask for one range of bytes within the %1 bytes of the attachment.</source>
        <translation>Ask for one range of bytes within the %1 bytes of the attachment.</translation>
    </message>
    <message>
        <source>The attachment cannot be read.</source>
        <translation>The attachment cannot be read.</translation>
    </message>
    <message>
        <source>Send a JSON object with &quot;sha256&quot; (64 hexadecimal digits), &quot;size&quot; (a whole number of bytes) and optionally &quot;name&quot; (a file name of at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name &quot;%1&quot; is not accepted: names may not contain path separators, control or direction characters, or be longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a file in one request with its SHA-256 (64 hexadecimal digits) as the query&apos;s &quot;sha256&quot; and optionally its &quot;name&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file sent in one request may have at most %1 bytes; start an upload instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordLists</name>
    <message>
        <source>%1 line %2: unknown severity “%3” (blocking or warning).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line %2: the word is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line %2: “%3” is already on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line %2: a misused word needs its correction after a tab (wrong&lt;TAB&gt;right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line %2: the correction is the same as the word.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordListsDialog</name>
    <message>
        <source>Word lists and content checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One word a line: the word, then a tab and blocking or warning (no severity: blocking), then optionally a tab and a note saying why. Lines starting with # are comments; empty lines are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misused words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One pair a line: the wrong form, a tab, the right form (e.g. 以身做则&lt;tab&gt;以身作则). A wrong form must never be right in any context. Lines starting with # are comments; empty lines are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content checks that run on every item, in every client and on the server. A detector turned off reports nothing. Attachments whose content cannot be read are always listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::ApiRequest</name>
    <message>
        <source>The server could not be reached (%1).</source>
        <translation type="unfinished">The server could not be reached (%1).</translation>
    </message>
</context>
<context>
    <name>baosong::AttachmentListModel</name>
    <message>
        <source>Only on this computer</source>
        <translation>Only on this computer</translation>
    </message>
    <message>
        <source>Uploading %1%</source>
        <translation>Uploading %1%</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Upload failed</translation>
    </message>
    <message>
        <source>%1
%2, %3</source>
        <translation>%1
%2, %3</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
</context>
<context>
    <name>baosong::AttachmentPane</name>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file that can be read (folders can&apos;t be attached).</source>
        <translation>&quot;%1&quot; is not a file that can be read (folders can&apos;t be attached).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; the server accepts files up to %3.</source>
        <translation>&quot;%1&quot; is %2; the server accepts files up to %3.</translation>
    </message>
    <message>
        <source>Files not attached</source>
        <translation>Files not attached</translation>
    </message>
    <message>
        <source>%1

Reduce the file (compress it, or split it) or ask the site administrator.</source>
        <translation>%1

Reduce the file (compress it, or split it) or ask the site administrator.</translation>
    </message>
    <message>
        <source>Storing %1 (%2 of %3)…</source>
        <translation>Storing %1 (%2 of %3)…</translation>
    </message>
    <message>
        <source>Storing %1…</source>
        <translation>Storing %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>These files could not be stored:
%1</source>
        <translation>These files could not be stored:
%1</translation>
    </message>
    <message>
        <source>Picture not attached</source>
        <translation>Picture not attached</translation>
    </message>
    <message>
        <source>The pasted picture is %1; the server accepts files up to %2.</source>
        <translation>The pasted picture is %1; the server accepts files up to %2.</translation>
    </message>
    <message>
        <source>picture-%1.png</source>
        <translation>picture-%1.png</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on this computer yet; it is downloaded with the item.</source>
        <translation>&quot;%1&quot; is not on this computer yet; it is downloaded with the item.</translation>
    </message>
    <message>
        <source>Could not make a copy of &quot;%1&quot; to open it in %2.</source>
        <translation>Could not make a copy of &quot;%1&quot; to open it in %2.</translation>
    </message>
</context>
<context>
    <name>baosong::AuditClient</name>
    <message>
        <source>Not signed in: the audit log is read on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer is not an audit page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::AuditDialog</name>
    <message>
        <source>— every unit —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished">Time</translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown. The chain holds over every event read: each has its hash and links to the one before.</source>
        <translation>
            <numerusform>%n event shown. The chain holds over every event read: each has its hash and links to the one before.</numerusform>
            <numerusform>%n events shown. The chain holds over every event read: each has its hash and links to the one before.</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken at event %1: the log was changed there. Tell the information centre&apos;s head; `baosong-server audit verify` says more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit events could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::BatchApproveDialog</name>
    <message numerus="yes">
        <source>%n item(s) approved here; they are sent with the next sync.</source>
        <translation>
            <numerusform>%n item approved here; they are sent with the next sync.</numerusform>
            <numerusform>%n items approved here; they are sent with the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not approved:</source>
        <translation>
            <numerusform>%n item not approved:</numerusform>
            <numerusform>%n items not approved:</numerusform>
        </translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>You decided on it already; the decision waits to be sent.</source>
        <translation>You decided on it already; the decision waits to be sent.</translation>
    </message>
    <message>
        <source>Sign in first: who you are is not known yet.</source>
        <translation>Sign in first: who you are is not known yet.</translation>
    </message>
    <message>
        <source>The item is not in the local store; sync first.</source>
        <translation>The item is not in the local store; sync first.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be approved; </source>
        <translation>
            <numerusform>%n item will be approved; </numerusform>
            <numerusform>%n items will be approved; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) can&apos;t be approved (see why above).</source>
        <translation>
            <numerusform>%n item can&apos;t be approved (see why above).</numerusform>
            <numerusform>%n items can&apos;t be approved (see why above).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be approved.</source>
        <translation>
            <numerusform>%n item will be approved.</numerusform>
            <numerusform>%n items will be approved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve %n item(s)</source>
        <translation>
            <numerusform>&amp;Approve %n item</numerusform>
            <numerusform>&amp;Approve %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve several items</source>
        <translation>Approve several items</translation>
    </message>
</context>
<context>
    <name>baosong::BodyEditor</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>Paragraph style</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>Body text</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Heading 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Heading 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>Heading 3</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>+ Row</source>
        <translation>+ Row</translation>
    </message>
    <message>
        <source>+ Column</source>
        <translation>+ Column</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation>Undo (%1)</translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation>Redo (%1)</translation>
    </message>
    <message>
        <source>Insert a link</source>
        <translation>Insert a link</translation>
    </message>
    <message>
        <source>Web address (http://, https:// or mailto:):</source>
        <translation>Web address (http://, https:// or mailto:):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; can&apos;t be a link on the site: use an address starting with http://, https:// or mailto:.</source>
        <translation>&quot;%1&quot; can&apos;t be a link on the site: use an address starting with http://, https:// or mailto:.</translation>
    </message>
    <message>
        <source>Word document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert the text, tables and pictures of a Word or WPS document (.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the picture&apos;s description as a caption under it (put the cursor next to the picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caption shown under the picture (it is also the picture&apos;s description for screen readers); leave it empty for no caption:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::ChecksPanel</name>
    <message>
        <source>Override with reason…</source>
        <translation>Override with reason…</translation>
    </message>
    <message>
        <source>Double-click a finding to go to its field.</source>
        <translation>Double-click a finding to go to its field.</translation>
    </message>
    <message>
        <source>Submit despite the blocking findings; the reason you give is recorded with the submission.</source>
        <translation>Submit despite the blocking findings; the reason you give is recorded with the submission.</translation>
    </message>
    <message>
        <source>Override the checks</source>
        <translation>Override the checks</translation>
    </message>
    <message>
        <source>%1

Why should the item be submitted anyway? The reason is recorded with the submission and shown to the reviewers.</source>
        <translation>%1

Why should the item be submitted anyway? The reason is recorded with the submission and shown to the reviewers.</translation>
    </message>
    <message>
        <source>A reason is required to override a blocking finding. The item was not submitted.</source>
        <translation>A reason is required to override a blocking finding. The item was not submitted.</translation>
    </message>
    <message>
        <source>Ready to submit.</source>
        <translation>Ready to submit.</translation>
    </message>
    <message numerus="yes">
        <source>Ready to submit; %n warning(s).</source>
        <translation>
            <numerusform>Ready to submit; %n warning.</numerusform>
            <numerusform>Ready to submit; %n warnings.</numerusform>
        </translation>
    </message>
    <message>
        <source>Overridden with the reason: %1</source>
        <translation>Overridden with the reason: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) block the submission; correct them or override with a reason.</source>
        <translation>
            <numerusform>%n finding block the submission; correct them or override with a reason.</numerusform>
            <numerusform>%n findings block the submission; correct them or override with a reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) block the submission; correct them first.</source>
        <translation>
            <numerusform>%n finding block the submission; correct them first.</numerusform>
            <numerusform>%n findings block the submission; correct them first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baosong::ClientSession</name>
    <message>
        <source>The profile folder %1 cannot be created.</source>
        <translation>The profile folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The server can&apos;t be reached: %1</source>
        <translation>The server can&apos;t be reached: %1</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>The user name or the password is wrong.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts: wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Too many failed attempts: wait %n second and try again.</numerusform>
            <numerusform>Too many failed attempts: wait %n seconds and try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s answer is not one of a Baosong server.</source>
        <translation>The server&apos;s answer is not one of a Baosong server.</translation>
    </message>
    <message>
        <source>The local store of this profile is damaged (%1). Sync has stopped so that nothing more is written into the damaged file. Choose “Rebuild from server” where the sync status is shown: the damaged file is kept aside, the work not yet sent is copied from it into a new local store, and everything else is fetched again from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsent work could not be copied into the new local store: %1. The damaged copy was kept as “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A new local store was made. The damaged one was kept as “%1”. %n queued action(s) were copied from it and will be sent as usual; everything else is fetched again from the server.</source>
        <translation>
            <numerusform>A new local store was made. The damaged one was kept as “%1”. %n queued action was copied from it and will be sent as usual; everything else is fetched again from the server.</numerusform>
            <numerusform>A new local store was made. The damaged one was kept as “%1”. %n queued actions were copied from it and will be sent as usual; everything else is fetched again from the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>The damaged file could not be read at all (%1): nothing could be copied from it. Keep it and ask the information centre for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of unsent work could not be read from the damaged file; keep it and ask the information centre for help.</source>
        <translation>
            <numerusform>%n record of unsent work could not be read from the damaged file; keep it and ask the information centre for help.</numerusform>
            <numerusform>%n records of unsent work could not be read from the damaged file; keep it and ask the information centre for help.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baosong::ColumnHealthDialog</name>
    <message>
        <source>Column</source>
        <translation type="unfinished">Column</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation type="unfinished">Responsible units</translation>
    </message>
    <message>
        <source>Update every</source>
        <translation type="unfinished">Update every</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <source>The column health has not been fetched from the server yet: it comes with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not updated in time: %1 (an inspection fails the site at %2). Not updated for half a year: %3 (at %4). Empty: %5 (at %6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1 (%n day left)</numerusform>
            <numerusform>%1 (%n days left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) over)</source>
        <translation>
            <numerusform>%1 (%n day over)</numerusform>
            <numerusform>%1 (%n days over)</numerusform>
        </translation>
    </message>
    <message>
        <source>, not updated for half a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished">, </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>no interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Retired by the office: no new items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::ColumnsClient</name>
    <message>
        <source>Only the office director, a site administrator or an administrator may change the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: changing the columns needs the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::ColumnsDialog</name>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The type&apos;s default (%n day(s))</source>
        <translation>
            <numerusform>The type&apos;s default (%n day)</numerusform>
            <numerusform>The type&apos;s default (%n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retired column takes no new items and leaves the site&apos;s navigation; its pages and published items stay where they are. Save to retire it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;. Every client sees it from its next sync; the site&apos;s pages follow by themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns shown are brought up to date now; check them and make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished">, </translation>
    </message>
    <message>
        <source>Retired: no new items, off the site&apos;s navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new column: give it a name and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the top level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished">Nothing changed.</translation>
    </message>
    <message>
        <source>A column with the address name &quot;%1&quot; exists already; choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving &quot;%1&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::ConnectDialog</name>
    <message>
        <source>&quot;%1&quot; is not a server address. Write it as host:port, for example 127.0.0.1:8443 (HTTPS only).</source>
        <translation>&quot;%1&quot; is not a server address. Write it as host:port, for example 127.0.0.1:8443 (HTTPS only).</translation>
    </message>
    <message>
        <source>This profile belongs to the server %1. Start Baosong with another profile (--profile) to use %2, so that their data stay apart.</source>
        <translation>This profile belongs to the server %1. Start Baosong with another profile (--profile) to use %2, so that their data stay apart.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>The server at %1 presents a certificate that no certificate authority vouches for. This is usual for a bureau&apos;s own server, but make sure it is yours: compare the fingerprint below with the one your administrator gave you (baosong-server prints it). Only if they are the same, trust it. Baosong remembers it and warns you if it ever changes.</source>
        <translation>The server at %1 presents a certificate that no certificate authority vouches for. This is usual for a bureau&apos;s own server, but make sure it is yours: compare the fingerprint below with the one your administrator gave you (baosong-server prints it). Only if they are the same, trust it. Baosong remembers it and warns you if it ever changes.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached.</source>
        <translation>The server at %1 cannot be reached.</translation>
    </message>
    <message>
        <source>The certificate could not be kept: %1</source>
        <translation>The certificate could not be kept: %1</translation>
    </message>
    <message>
        <source>Sign in to %1 with the user name and password your administrator gave you. Your password is not kept on this computer.</source>
        <translation>Sign in to %1 with the user name and password your administrator gave you. Your password is not kept on this computer.</translation>
    </message>
    <message>
        <source>Enter your user name and your password.</source>
        <translation>Enter your user name and your password.</translation>
    </message>
    <message>
        <source>This profile belongs to the account &quot;%1&quot;. Start Baosong with another profile (--profile) to sign in as &quot;%2&quot;, so that your data stay apart.</source>
        <translation>This profile belongs to the account &quot;%1&quot;. Start Baosong with another profile (--profile) to sign in as &quot;%2&quot;, so that your data stay apart.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>baosong::Converter</name>
    <message>
        <source>The Word document is damaged (its text could not be read: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::Credentials</name>
    <message>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>the keychain did not answer within %1 seconds</translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation>access to the keychain was denied</translation>
    </message>
    <message>
        <source>no keychain service is installed</source>
        <translation>no keychain service is installed</translation>
    </message>
    <message>
        <source>no keychain service answers</source>
        <translation>no keychain service answers</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). As you chose, the session token is kept in %2, which only you can read.</source>
        <translation>No system keychain is available (%1). As you chose, the session token is kept in %2, which only you can read.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1) and the session token cannot be saved to a file (%2): it is kept in memory only, and you will need to sign in again after Baosong is closed.</source>
        <translation>No system keychain is available (%1) and the session token cannot be saved to a file (%2): it is kept in memory only, and you will need to sign in again after Baosong is closed.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1): the session token is kept in memory only, and you will need to sign in again after Baosong is closed.</source>
        <translation>No system keychain is available (%1): the session token is kept in memory only, and you will need to sign in again after Baosong is closed.</translation>
    </message>
    <message>
        <source>The system keychain did not delete the session token: %1</source>
        <translation>The system keychain did not delete the session token: %1</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>The file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The file %1 cannot be removed.</source>
        <translation>The file %1 cannot be removed.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>The folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>The file %1 cannot be written: %2</translation>
    </message>
</context>
<context>
    <name>baosong::DecisionDialog</name>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Approve with minor edits</source>
        <translation>Approve with minor edits</translation>
    </message>
    <message>
        <source>Return to the author</source>
        <translation>Return to the author</translation>
    </message>
    <message>
        <source>&amp;Reason (required; the author sees it):</source>
        <translation>&amp;Reason (required; the author sees it):</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comment:</translation>
    </message>
    <message>
        <source>&quot;%1&quot;, revision %2.</source>
        <translation>&quot;%1&quot;, revision %2.</translation>
    </message>
    <message>
        <source>Stage: %1.</source>
        <translation>Stage: %1.</translation>
    </message>
    <message>
        <source>The item goes back to its author, who revises and submits it again.</source>
        <translation>The item goes back to its author, who revises and submits it again.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>&amp;Return</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <source>The item is not at a stage of its route.</source>
        <translation>The item is not at a stage of its route.</translation>
    </message>
    <message>
        <source>Approved, it goes on to &quot;%1&quot;.</source>
        <translation>Approved, it goes on to &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Approved, it is retracted from the site.</source>
        <translation>Approved, it is retracted from the site.</translation>
    </message>
    <message>
        <source>Approved, it is sent to the municipal platform.</source>
        <translation>Approved, it is sent to the municipal platform.</translation>
    </message>
    <message>
        <source>Approved, the change is published on the site (it replaces the live version).</source>
        <translation>Approved, the change is published on the site (it replaces the live version).</translation>
    </message>
    <message>
        <source>Approved, it is published on the site.</source>
        <translation>Approved, it is published on the site.</translation>
    </message>
    <message>
        <source>Make the minor edits first, or approve without edits.</source>
        <translation>Make the minor edits first, or approve without edits.</translation>
    </message>
    <message>
        <source>The title can&apos;t be empty.</source>
        <translation>The title can&apos;t be empty.</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>Write the comment first.</translation>
    </message>
    <message>
        <source>Why it is published after the 15-day limit of Art. 15 (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it may be published without its interpretation (recorded)</source>
        <translation type="unfinished">Why it may be published without its interpretation (recorded)</translation>
    </message>
    <message>
        <source>The limit for publishing this information (Art. 15) has passed: give the reason it is published anyway.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::DocxReader</name>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Word document&apos;s text is too large to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a Word document (.docx): it has no word/document.xml.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::DownloadTransfer</name>
    <message>
        <source>cannot create the attachment folder %1.</source>
        <translation>cannot create the attachment folder %1.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>the server sent another part or size of the attachment than asked for (%1 bytes instead of %2); the partial download was removed. Try again.</source>
        <translation>the server sent another part or size of the attachment than asked for (%1 bytes instead of %2); the partial download was removed. Try again.</translation>
    </message>
    <message>
        <source>the server sent more bytes than the attachment has.</source>
        <translation>the server sent more bytes than the attachment has.</translation>
    </message>
    <message>
        <source>the server did not say the attachment&apos;s size.</source>
        <translation>the server did not say the attachment&apos;s size.</translation>
    </message>
    <message>
        <source>the content received does not have the attachment&apos;s SHA-256, so it was refused. Try again; if it happens again, tell the administrator.</source>
        <translation>the content received does not have the attachment&apos;s SHA-256, so it was refused. Try again; if it happens again, tell the administrator.</translation>
    </message>
</context>
<context>
    <name>baosong::EditorWindow</name>
    <message>
        <source>Returned by %1 on %2: %3</source>
        <translation>Returned by %1 on %2: %3</translation>
    </message>
    <message>
        <source>New draft — Baosong</source>
        <translation>New draft — Baosong</translation>
    </message>
    <message>
        <source>%1 — Baosong</source>
        <translation>%1 — Baosong</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>The draft could not be saved, so it was not submitted. Your text is still here; try again.</source>
        <translation>The draft could not be saved, so it was not submitted. Your text is still here; try again.</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is submitted for review.</source>
        <translation>&quot;%1&quot; is submitted for review.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Delete the draft &quot;%1&quot;? This cannot be undone.</source>
        <translation>Delete the draft &quot;%1&quot;? This cannot be undone.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>Draft kept for recovery</source>
        <translation>Draft kept for recovery</translation>
    </message>
    <message>
        <source>The draft could not be saved now. Baosong will reopen it the next time it starts.</source>
        <translation>The draft could not be saved now. Baosong will reopen it the next time it starts.</translation>
    </message>
    <message>
        <source>the server refused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept &quot;%1&quot;: %2
Your text is kept. Correct it and submit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not answered by the server yet: it is kept and sent as soon as the server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is kept. You are offline: it will be sent to the server as soon as it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: tried again at the next edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpretation of the policy document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpretation of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interpretation drafted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no policy interpretation column your unit may publish in. Ask the site administrator to set one up, or link an existing interpretation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::HistoryModel</name>
    <message>
        <source>(time unknown)</source>
        <translation>(time unknown)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>From the server&apos;s audit log (event %1)</source>
        <translation>From the server&apos;s audit log (event %1)</translation>
    </message>
    <message>
        <source>From the local copy of the item</source>
        <translation>From the local copy of the item</translation>
    </message>
</context>
<context>
    <name>baosong::ItemEditor</name>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>you submit</source>
        <translation>you submit</translation>
    </message>
    <message>
        <source>no route is defined for this kind</source>
        <translation>no route is defined for this kind</translation>
    </message>
    <message>
        <source>sent to the municipal platform (the reviewer decides whether it is also published here)</source>
        <translation>sent to the municipal platform (the reviewer decides whether it is also published here)</translation>
    </message>
    <message>
        <source>published on the site</source>
        <translation>published on the site</translation>
    </message>
    <message numerus="yes">
        <source>Enter the information date: the item is to be published within %n day(s) of it.</source>
        <translation>
            <numerusform>Enter the information date: the item is to be published within %n day of it.</numerusform>
            <numerusform>Enter the information date: the item is to be published within %n days of it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish by %1, at the latest %2</source>
        <translation>Publish by %1, at the latest %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>— choose a column —</source>
        <translation>— choose a column —</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>— no interpretation linked —</source>
        <translation>— no interpretation linked —</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>untitled</translation>
    </message>
    <message>
        <source>Item %1 (not on this computer)</source>
        <translation>Item %1 (not on this computer)</translation>
    </message>
    <message>
        <source>Checks (%1)</source>
        <translation>Checks (%1)</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Not ready to submit</source>
        <translation>Not ready to submit</translation>
    </message>
    <message>
        <source>Correct these first:
%1</source>
        <translation>Correct these first:
%1</translation>
    </message>
    <message>
        <source>Insert a picture</source>
        <translation>Insert a picture</translation>
    </message>
    <message>
        <source>Select the picture in the attachment list, then choose Picture again.</source>
        <translation>Select the picture in the attachment list, then choose Picture again.</translation>
    </message>
    <message>
        <source>Attach the picture first (Add files… or drop it here); then select it and choose Picture.</source>
        <translation>Attach the picture first (Add files… or drop it here); then select it and choose Picture.</translation>
    </message>
    <message>
        <source>Picture caption</source>
        <translation>Picture caption</translation>
    </message>
    <message>
        <source>Describe the picture for readers who can&apos;t see it (required on a government site):</source>
        <translation>Describe the picture for readers who can&apos;t see it (required on a government site):</translation>
    </message>
    <message>
        <source>Open a Word document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word document not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the document?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also attach &quot;%1&quot; itself, so that reviewers can open the original?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none named —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::ItemHistory</name>
    <message>
        <source>Not signed in: the history from the server needs a connection.</source>
        <translation>Not signed in: the history from the server needs a connection.</translation>
    </message>
    <message>
        <source>The server could not be reached (%1).</source>
        <translation>The server could not be reached (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s answer has no history events.</source>
        <translation>The server&apos;s answer has no history events.</translation>
    </message>
    <message>
        <source>The server&apos;s answer has a history event without a type.</source>
        <translation>The server&apos;s answer has a history event without a type.</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>the server</translation>
    </message>
    <message>
        <source>%1 was refused: %2 (%3)</source>
        <translation>%1 was refused: %2 (%3)</translation>
    </message>
    <message>
        <source>%1 created the draft</source>
        <translation>%1 created the draft</translation>
    </message>
    <message>
        <source>%1 saved revision %2</source>
        <translation>%1 saved revision %2</translation>
    </message>
    <message>
        <source>Revision %1 by %2</source>
        <translation>Revision %1 by %2</translation>
    </message>
    <message>
        <source>%1 submitted it for review</source>
        <translation>%1 submitted it for review</translation>
    </message>
    <message>
        <source>%1 proposed a change (revision %2)</source>
        <translation>%1 proposed a change (revision %2)</translation>
    </message>
    <message>
        <source>%1 proposed retracting it</source>
        <translation>%1 proposed retracting it</translation>
    </message>
    <message>
        <source>%1 approved revision %2</source>
        <translation>%1 approved revision %2</translation>
    </message>
    <message>
        <source>%1 approved revision %2 at &quot;%3&quot;</source>
        <translation>%1 approved revision %2 at &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 returned revision %2</source>
        <translation>%1 returned revision %2</translation>
    </message>
    <message>
        <source>%1 returned revision %2 at &quot;%3&quot;</source>
        <translation>%1 returned revision %2 at &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 commented</source>
        <translation>%1 commented</translation>
    </message>
    <message>
        <source>%1 withdrew it from review</source>
        <translation>%1 withdrew it from review</translation>
    </message>
    <message>
        <source>%1 deleted the draft</source>
        <translation>%1 deleted the draft</translation>
    </message>
    <message>
        <source>Revision %1 was published</source>
        <translation>Revision %1 was published</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Retracted from the site</source>
        <translation>Retracted from the site</translation>
    </message>
    <message>
        <source>%1 overrode a blocking rule</source>
        <translation>%1 overrode a blocking rule</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 — “%2”</source>
        <translation>%1 — “%2”</translation>
    </message>
    <message numerus="yes">
        <source>%1 (saved %n times)</source>
        <translation>
            <numerusform>%1 (saved once)</numerusform>
            <numerusform>%1 (saved %n times)</numerusform>
        </translation>
    </message>
    <message>
        <source>the municipal platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, sent to the municipal platform and published on the bureau site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, sent to the municipal platform only (not on the bureau site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the municipal platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform adopted it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform returned it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform refused it</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
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
    <message>
        <source>Baosong — %1 — %2 (example data)</source>
        <translation>Baosong — %1 — %2 (example data)</translation>
    </message>
    <message>
        <source>Baosong — %1 — %2</source>
        <translation>Baosong — %1 — %2</translation>
    </message>
    <message>
        <source>Draft reopened</source>
        <translation>Draft reopened</translation>
    </message>
    <message>
        <source>Baosong did not close normally last time. The draft &quot;%1&quot; you were editing has been reopened as it was last saved.</source>
        <translation>Baosong did not close normally last time. The draft &quot;%1&quot; you were editing has been reopened as it was last saved.</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Take &quot;%1&quot; back from review? It becomes a draft again; you can change it and submit it anew.</source>
        <translation>Take &quot;%1&quot; back from review? It becomes a draft again; you can change it and submit it anew.</translation>
    </message>
    <message>
        <source>Not withdrawn</source>
        <translation>Not withdrawn</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Delete the draft &quot;%1&quot;? This cannot be undone.</source>
        <translation>Delete the draft &quot;%1&quot;? This cannot be undone.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Sign out of %1? Your drafts and the items on this computer stay, and what waits to be sent is sent after you sign in again.</source>
        <translation>Sign out of %1? Your drafts and the items on this computer stay, and what waits to be sent is sent after you sign in again.</translation>
    </message>
    <message>
        <source>Switch server or account</source>
        <translation>Switch server or account</translation>
    </message>
    <message>
        <source>Each server and account has a profile of its own, so their data stay apart. Name of the profile to open (a new name makes a new profile):</source>
        <translation>Each server and account has a profile of its own, so their data stay apart. Name of the profile to open (a new name makes a new profile):</translation>
    </message>
    <message>
        <source>Baosong could not be started again.</source>
        <translation>Baosong could not be started again.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language is used the next time Baosong starts.</source>
        <translation>The new language is used the next time Baosong starts.</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>The local store is damaged</source>
        <translation>The local store is damaged</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) are not sent to the server yet. They are kept on this computer and sent the next time Baosong reaches the server.</source>
        <translation>
            <numerusform>%n action is not sent to the server yet. It is kept on this computer and sent the next time Baosong reaches the server.</numerusform>
            <numerusform>%n actions are not sent to the server yet. They are kept on this computer and sent the next time Baosong reaches the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How an item goes:
1. A correspondent drafts it (Ctrl+N) and submits it for review.
2. Each stage of its route approves it (A) or returns it with a reason (R): for news the unit head, then the office director; for disclosure the unit head, then the leader in charge; for a collective decision the unit head; for a repost the site administrator. Nobody decides their own item or two stages of one.
3. After the last stage it is published on the site.

Keys in the list: J next, K previous, Enter open, A approve, R return, F5 sync now. In the editor: Ctrl+S save, Esc close (the text is kept).

What waits to be sent is marked in the list; nothing is lost offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from &amp;Word document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Word document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many items deleted on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server says %1 of the %2 items on this computer were deleted. Nothing has been removed yet.

Delete them on this computer too? Choose No to keep them here (they stay on this computer only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the local store from the server now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local store rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store was not rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::NoticeBanner</name>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
</context>
<context>
    <name>baosong::NoticeDialog</name>
    <message>
        <source>Closed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New inspection notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ollow-up:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::Notifier</name>
    <message numerus="yes">
        <source>Baosong: %n item(s) wait for you</source>
        <translation>
            <numerusform>Baosong: %n item wait for you</numerusform>
            <numerusform>Baosong: %n items wait for you</numerusform>
        </translation>
    </message>
    <message>
        <source>Baosong</source>
        <translation>Baosong</translation>
    </message>
</context>
<context>
    <name>baosong::Package</name>
    <message>
        <source>The file is not a Word document (.docx): it is not a zip package.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::RegisterClient</name>
    <message>
        <source>Not signed in: the register comes from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: notices are recorded on the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::RegisterDialog</name>
    <message>
        <source>Quarter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accountability register %1 to %2.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the accountability register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register could not be fetched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day must not be after the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the register from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished">Unit</translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route check: %1 publication(s) of %2 item(s) in the period were checked against their routes; each had an approval at every stage its route required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route check: %1 publication(s) of %2 item(s) in the period were checked against their routes; %3 lacked an approval of a stage their route required (see Route check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished">Column</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation type="unfinished">Responsible units</translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (still stale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never (empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished">Time</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <source>Required stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished">Checks</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation type="unfinished">Retraction</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished">Published</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished">no</translation>
    </message>
    <message>
        <source>S&amp;tale columns (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route check (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overrides (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Corrections and retractions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Late items (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection &amp;notices (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 (judged to %3): %4 column(s) left stale, %5 override(s), %6 correction(s), %7 retraction(s), %8 late item(s), %9 notice(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::ReviewPane</name>
    <message numerus="yes">
        <source>From the server&apos;s audit log: %n event(s).</source>
        <translation>
            <numerusform>From the server&apos;s audit log: %n event.</numerusform>
            <numerusform>From the server&apos;s audit log: %n events.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: this is what this computer knows (revisions, decisions, comments). Submissions, withdrawals, overrides and refused actions need the server. (%1)</source>
        <translation>Offline: this is what this computer knows (revisions, decisions, comments). Submissions, withdrawals, overrides and refused actions need the server. (%1)</translation>
    </message>
    <message>
        <source>The server did not give the history: %1. Shown: what this computer knows.</source>
        <translation>The server did not give the history: %1. Shown: what this computer knows.</translation>
    </message>
    <message>
        <source>Select an item to review it.</source>
        <translation>Select an item to review it.</translation>
    </message>
    <message>
        <source>The item is not on this computer (yet): sync, then look again.</source>
        <translation>The item is not on this computer (yet): sync, then look again.</translation>
    </message>
    <message>
        <source>What this computer knows; asking the server for the full history…</source>
        <translation>What this computer knows; asking the server for the full history…</translation>
    </message>
    <message>
        <source>%1 at &quot;%2&quot;</source>
        <translation>%1 at &quot;%2&quot;</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <source>The server refused your %1: %2</source>
        <translation>The server refused your %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) of yours wait to be sent to the server.</source>
        <translation>
            <numerusform>%n action of yours wait to be sent to the server.</numerusform>
            <numerusform>%n actions of yours wait to be sent to the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to compare: there is no earlier approved or returned revision.</source>
        <translation>Nothing to compare: there is no earlier approved or returned revision.</translation>
    </message>
    <message>
        <source>The proposed change (revision %1) compared with the live version (revision %2).</source>
        <translation>The proposed change (revision %1) compared with the live version (revision %2).</translation>
    </message>
    <message>
        <source>The reviewer&apos;s minor edits (revision %1) compared with revision %2.</source>
        <translation>The reviewer&apos;s minor edits (revision %1) compared with revision %2.</translation>
    </message>
    <message>
        <source>Revision %1 compared with the returned revision %2.</source>
        <translation>Revision %1 compared with the returned revision %2.</translation>
    </message>
    <message>
        <source>not on this computer: download it</source>
        <translation>not on this computer: download it</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>damaged: %1</translation>
    </message>
    <message>
        <source>&amp;Attachments</source>
        <translation>&amp;Attachments</translation>
    </message>
    <message>
        <source>&amp;Attachments (%1)</source>
        <translation>&amp;Attachments (%1)</translation>
    </message>
    <message>
        <source>Chec&amp;ks (%1)</source>
        <translation>Chec&amp;ks (%1)</translation>
    </message>
    <message>
        <source>Chec&amp;ks</source>
        <translation>Chec&amp;ks</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>approved, 保密审查 attested</source>
        <translation>approved, 保密审查 attested</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>override: %1</source>
        <translation>override: %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>%1 (round %2)</source>
        <translation>%1 (round %2)</translation>
    </message>
    <message>
        <source>Your &quot;%1&quot; could not be applied: %2 Choose: keep yours (it is sent again on the server&apos;s current version) or take the server&apos;s (your action is dropped).</source>
        <translation>Your &quot;%1&quot; could not be applied: %2 Choose: keep yours (it is sent again on the server&apos;s current version) or take the server&apos;s (your action is dropped).</translation>
    </message>
    <message>
        <source>Yours: %1 on revision %2</source>
        <translation>Yours: %1 on revision %2</translation>
    </message>
    <message>
        <source>at &quot;%1&quot;</source>
        <translation>at &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The server&apos;s: revision %1, %2</source>
        <translation>The server&apos;s: revision %1, %2</translation>
    </message>
    <message>
        <source>%1: %2 by %3, %4</source>
        <translation>%1: %2 by %3, %4</translation>
    </message>
    <message>
        <source>The server&apos;s current version is not known; sync again.</source>
        <translation>The server&apos;s current version is not known; sync again.</translation>
    </message>
    <message>
        <source>Your decision could not be saved on this computer: %1</source>
        <translation>Your decision could not be saved on this computer: %1</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Resolve the conflict</translation>
    </message>
    <message>
        <source>Approval slip - %1.pdf</source>
        <translation>Approval slip - %1.pdf</translation>
    </message>
    <message>
        <source>Save the approval slip as PDF</source>
        <translation>Save the approval slip as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Approval slip</source>
        <translation>Approval slip</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on this computer yet: download it first.</source>
        <translation>&quot;%1&quot; is not on this computer yet: download it first.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is damaged on this computer and is not opened: %2</source>
        <translation>&quot;%1&quot; is damaged on this computer and is not opened: %2</translation>
    </message>
    <message>
        <source>Could not make a copy of &quot;%1&quot; to open it in %2.</source>
        <translation>Could not make a copy of &quot;%1&quot; to open it in %2.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is damaged on this computer: %2</source>
        <translation>&quot;%1&quot; is damaged on this computer: %2</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>Save a copy of the attachment</translation>
    </message>
    <message>
        <source>Could not save &quot;%1&quot; as %2.</source>
        <translation>Could not save &quot;%1&quot; as %2.</translation>
    </message>
    <message>
        <source>A download failed: %1</source>
        <translation>A download failed: %1</translation>
    </message>
    <message>
        <source>Sending your %1 failed: %2 It is tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked: the file is complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chan&amp;ges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chan&amp;ges (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished">, </translation>
    </message>
    <message>
        <source>%1 (%2, in place of the %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the municipal platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published on the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the last approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT, due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released through %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform returned it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform returned it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform adopted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform refused it; it is not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipal platform refused it: %1 It is not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::StatisticsClient</name>
    <message>
        <source>Not signed in: the statistics come from the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::StatisticsDialog</name>
    <message>
        <source>Quarter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics %1 to %2.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statistics could not be fetched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the statistics from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished">Unit</translation>
    </message>
    <message>
        <source>%1 (nothing submitted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished">Column</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %3 submitted, %4 published (%5 within 5 days); %n unit(s) submitted nothing.</source>
        <translation>
            <numerusform>%1 to %2: %3 submitted, %4 published (%5 within 5 days); %n unit submitted nothing.</numerusform>
            <numerusform>%1 to %2: %3 submitted, %4 published (%5 within 5 days); %n units submitted nothing.</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted, published and adopted per unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published on time per unit (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statistics could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics %1 to %2.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics report %1 to %2.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the statistics report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished">PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Statistics of the web-site items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statistics report could not be written to %1. Check that the folder exists and that you may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All units</source>
        <translation type="unfinished">All units</translation>
    </message>
    <message>
        <source>Trend by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend by month: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::SyncEngine</name>
    <message>
        <source>This profile belongs to another server (%1); the server answering now is %2. Nothing was changed. Use a new profile for this server.</source>
        <translation>This profile belongs to another server (%1); the server answering now is %2. Nothing was changed. Use a new profile for this server.</translation>
    </message>
    <message>
        <source>This profile belongs to the account &quot;%1&quot;, not &quot;%2&quot;. Nothing was changed. Use a new profile for another account.</source>
        <translation>This profile belongs to the account &quot;%1&quot;, not &quot;%2&quot;. Nothing was changed. Use a new profile for another account.</translation>
    </message>
    <message>
        <source>A draft needs an id and its text.</source>
        <translation>A draft needs an id and its text.</translation>
    </message>
    <message>
        <source>Only a draft or a returned item can be edited; a published item is changed by proposing a change.</source>
        <translation>Only a draft or a returned item can be edited; a published item is changed by proposing a change.</translation>
    </message>
    <message>
        <source>Drafts are saved with saveDraft().</source>
        <translation>Drafts are saved with saveDraft().</translation>
    </message>
    <message>
        <source>There is no item %1 in the local store.</source>
        <translation>There is no item %1 in the local store.</translation>
    </message>
    <message>
        <source>Only a refused or conflicting action can be dropped.</source>
        <translation>Only a refused or conflicting action can be dropped.</translation>
    </message>
    <message>
        <source>There is no conflict to resolve for this action.</source>
        <translation>There is no conflict to resolve for this action.</translation>
    </message>
    <message>
        <source>The server&apos;s current version is not known; sync again first.</source>
        <translation>The server&apos;s current version is not known; sync again first.</translation>
    </message>
    <message>
        <source>This draft already exists on the server; keep both versions instead.</source>
        <translation>This draft already exists on the server; keep both versions instead.</translation>
    </message>
    <message>
        <source>Only a draft&apos;s text can be kept as a separate draft.</source>
        <translation>Only a draft&apos;s text can be kept as a separate draft.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The server no longer accepts this session. Sign in again.</source>
        <translation>The server no longer accepts this session. Sign in again.</translation>
    </message>
    <message>
        <source>The server can&apos;t be reached (%1). Your work is kept and will be sent later.</source>
        <translation>The server can&apos;t be reached (%1). Your work is kept and will be sent later.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not one of a Baosong server. Sync stopped.</source>
        <translation>The server&apos;s answer is not one of a Baosong server. Sync stopped.</translation>
    </message>
    <message>
        <source>The change feed came from another server (%1, expected %2). Sync stopped; nothing was changed.</source>
        <translation>The change feed came from another server (%1, expected %2). Sync stopped; nothing was changed.</translation>
    </message>
    <message>
        <source>Sync stopped: the server&apos;s certificate is not trusted. %1</source>
        <translation>Sync stopped: the server&apos;s certificate is not trusted. %1</translation>
    </message>
    <message>
        <source>The stage you decided has been decided meanwhile (the item is now: %1). Your decision is not needed any more: take the server&apos;s version.</source>
        <translation>The stage you decided has been decided meanwhile (the item is now: %1). Your decision is not needed any more: take the server&apos;s version.</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending failed, will retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store of this profile is damaged. Sync has stopped so that nothing more is written into the damaged file. Choose “Rebuild from server” where the sync status is shown: the damaged file is kept aside, the work not yet sent is copied from it into a new local store, and everything else is fetched again from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server says %n of the items on this computer were deleted. Nothing was removed yet: choose whether to delete them here too or keep them.</source>
        <translation>
            <numerusform>The server says %n of the items on this computer were deleted. Nothing was removed yet: choose whether to delete them here too or keep them.</numerusform>
            <numerusform>The server says %n of the items on this computer were deleted. Nothing was removed yet: choose whether to delete them here too or keep them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baosong::SyncStatusWidget</name>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Send what waits and fetch what changed, now (F5)</source>
        <translation>Send what waits and fetch what changed, now (F5)</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 actions sent, %n item(s) received</source>
        <translation>
            <numerusform>%1 of %2 actions sent, %n item received</numerusform>
            <numerusform>%1 of %2 actions sent, %n items received</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Synced at %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Sync stopped</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to be sent</source>
        <translation>
            <numerusform>%n action waiting to be sent</numerusform>
            <numerusform>%n actions waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) need your decision</source>
        <translation>
            <numerusform>%n action need your decision</numerusform>
            <numerusform>%n actions need your decision</numerusform>
        </translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>Request id: %1</translation>
    </message>
    <message>
        <source>Rebuild from server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the damaged local store aside, copy the work not yet sent into a new one and fetch everything else again from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: the local store is damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::TlsTrust</name>
    <message>
        <source>The server address must begin with https:// and name a host.</source>
        <translation>The server address must begin with https:// and name a host.</translation>
    </message>
    <message>
        <source>The server %1 did not complete a secure connection within %2 seconds.</source>
        <translation>The server %1 did not complete a secure connection within %2 seconds.</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: %2</source>
        <translation>The server %1 cannot be reached: %2</translation>
    </message>
    <message>
        <source>The certificate of the server %1 has changed: sync has stopped.

Certificate confirmed earlier:
%2

Certificate presented now:
%3

This happens when the server was given a new certificate, or when someone is intercepting the connection. Ask your administrator which fingerprint is right before trusting the new certificate.</source>
        <translation>The certificate of the server %1 has changed: sync has stopped.

Certificate confirmed earlier:
%2

Certificate presented now:
%3

This happens when the server was given a new certificate, or when someone is intercepting the connection. Ask your administrator which fingerprint is right before trusting the new certificate.</translation>
    </message>
    <message>
        <source>The server %1 presents a certificate that no authority known to this computer vouches for (the server&apos;s own, self-signed certificate, for example).

Trust it only if this fingerprint is the one your administrator gave you (baosong-server prints it):
%2</source>
        <translation>The server %1 presents a certificate that no authority known to this computer vouches for (the server&apos;s own, self-signed certificate, for example).

Trust it only if this fingerprint is the one your administrator gave you (baosong-server prints it):
%2</translation>
    </message>
    <message>
        <source>The certificate of the server %1 was issued by an authority this computer does not know. Ask your administrator for the bureau&apos;s CA certificate file and choose it in the connection settings.</source>
        <translation>The certificate of the server %1 was issued by an authority this computer does not know. Ask your administrator for the bureau&apos;s CA certificate file and choose it in the connection settings.</translation>
    </message>
    <message>
        <source>The certificate of the server %1 cannot be trusted: %2</source>
        <translation>The certificate of the server %1 cannot be trusted: %2</translation>
    </message>
    <message>
        <source>The certificate file %1 cannot be read: %2</source>
        <translation>The certificate file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate (PEM or DER).</source>
        <translation>The file %1 holds no certificate (PEM or DER).</translation>
    </message>
    <message>
        <source>The certificate &quot;%1&quot; in %2 is valid only from %3 to %4.</source>
        <translation>The certificate &quot;%1&quot; in %2 is valid only from %3 to %4.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>The folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The trust settings cannot be saved to %1: %2</source>
        <translation>The trust settings cannot be saved to %1: %2</translation>
    </message>
    <message>
        <source>The trust settings %1 are damaged (%2): confirm the server&apos;s certificate again.</source>
        <translation>The trust settings %1 are damaged (%2): confirm the server&apos;s certificate again.</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>unknown version</translation>
    </message>
    <message>
        <source>the pinned certificate is unreadable</source>
        <translation>the pinned certificate is unreadable</translation>
    </message>
    <message>
        <source>the pinned certificate does not match its fingerprint</source>
        <translation>the pinned certificate does not match its fingerprint</translation>
    </message>
</context>
<context>
    <name>baosong::Transfer</name>
    <message>
        <source>%1 Sign in again.</source>
        <translation>%1 Sign in again.</translation>
    </message>
    <message>
        <source>Uploading the attachment %1 failed: %2</source>
        <translation>Uploading the attachment %1 failed: %2</translation>
    </message>
    <message>
        <source>Downloading the attachment %1 failed: %2</source>
        <translation>Downloading the attachment %1 failed: %2</translation>
    </message>
</context>
<context>
    <name>baosong::UploadTransfer</name>
    <message>
        <source>it is no longer in the local attachment folder. Attach the file again.</source>
        <translation>it is no longer in the local attachment folder. Attach the file again.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>the server&apos;s answer to a new upload is incomplete.</source>
        <translation>the server&apos;s answer to a new upload is incomplete.</translation>
    </message>
    <message>
        <source>the server lost the upload %1 times; try again later.</source>
        <translation>the server lost the upload %1 times; try again later.</translation>
    </message>
    <message>
        <source>the server&apos;s answer to a chunk has no valid Upload-Offset.</source>
        <translation>the server&apos;s answer to a chunk has no valid Upload-Offset.</translation>
    </message>
    <message>
        <source>the file in the attachment folder changed after it was attached (its content no longer has its SHA-256), so its upload was cancelled. Attach the file again.</source>
        <translation>the file in the attachment folder changed after it was attached (its content no longer has its SHA-256), so its upload was cancelled. Attach the file again.</translation>
    </message>
    <message>
        <source>the file is larger than the server takes (%1 MB at most). Remove it from the item, or attach a smaller file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is larger than the server takes. Remove it from the item, or attach a smaller file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your space for unfinished uploads on the server (%1 MB) is full. It is sent again later, when your other uploads have finished or expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file was removed from the attachment folder during its upload, so its upload was cancelled. The item is kept and waits: attach the file again, or remove it from the item.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::WordListsClient</name>
    <message>
        <source>Not signed in: the word lists need a connection to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a site administrator may change the word lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved the word lists after you loaded them. Load them again (your text is lost on loading: copy it first) and make your change there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word lists are too large for the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::WordListsDialog</name>
    <message>
        <source>Version %1 of the server&apos;s word lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as version %1. Every client uses these lists from its next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the word lists from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: these lines cannot be read. Correct them and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baosong::server::ServerStore</name>
    <message>
        <source>Indexing %1 for the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1 from the site&apos;s index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbering the site&apos;s pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the site&apos;s index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning the site&apos;s index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the site&apos;s pages to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the site&apos;s pages to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the site&apos;s pages written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing items</source>
        <translation type="unfinished">Listing items</translation>
    </message>
    <message>
        <source>Item %1 can&apos;t be read: %2</source>
        <translation type="unfinished">Item %1 can&apos;t be read: %2</translation>
    </message>
    <message>
        <source>Reading the inspection notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection notice %1 can&apos;t be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving inspection notice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit log</source>
        <translation type="unfinished">Reading the audit log</translation>
    </message>
</context>
<context>
    <name>baosong::sql</name>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
</context>
</TS>
