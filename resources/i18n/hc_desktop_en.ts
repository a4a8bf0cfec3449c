<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutBox</name>
    <message>
        <source>About Health Companion</source>
        <translation>About Health Companion</translation>
    </message>
    <message>
        <source>Health Companion {version}</source>
        <translation>Health Companion {version}</translation>
    </message>
    <message>
        <source>A desktop companion for health questions. It does not replace a clinician; in an emergency call your local emergency number.</source>
        <translation>A desktop companion for health questions. It does not replace a clinician; in an emergency call your local emergency number.</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>Answer: {text}</source>
        <translation>Answer: {text}</translation>
    </message>
    <message>
        <source>The answer was stopped.</source>
        <translation>The answer was stopped.</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>The answer was interrupted.</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>The message could not be sent.</translation>
    </message>
</context>
<context>
    <name>AnswerNotifier</name>
    <message>
        <source>Health Companion</source>
        <translation>Health Companion</translation>
    </message>
    <message>
        <source>Your answer is ready: {title}</source>
        <translation>Your answer is ready: {title}</translation>
    </message>
    <message>
        <source>Your answer is ready</source>
        <translation>Your answer is ready</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Attachment {name}</source>
        <translation>Attachment {name}</translation>
    </message>
    <message>
        <source>Preview of {name}</source>
        <translation>Preview of {name}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Upload progress of {name}</source>
        <translation>Upload progress of {name}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Remove {name}</translation>
    </message>
    <message>
        <source>Uploading… {size}</source>
        <translation>Uploading… {size}</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>{size} · uploaded</source>
        <translation>{size} · uploaded</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Attached files</source>
        <translation>Attached files</translation>
    </message>
</context>
<context>
    <name>AttachmentsController</name>
    <message>
        <source>This assistant does not accept files.</source>
        <translation>This assistant does not accept files.</translation>
    </message>
    <message numerus="yes">
        <source>You can attach at most %n file(s) to one message.</source>
        <translation>
            <numerusform>You can attach at most %n file to one message.</numerusform>
            <numerusform>You can attach at most %n files to one message.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” is already attached.</source>
        <translation>“{name}” is already attached.</translation>
    </message>
    <message>
        <source>“{name}” could not be read.</source>
        <translation>“{name}” could not be read.</translation>
    </message>
    <message>
        <source>“{name}” is not a file.</source>
        <translation>“{name}” is not a file.</translation>
    </message>
    <message>
        <source>The assistant does not accept files like “{name}”.</source>
        <translation>The assistant does not accept files like “{name}”.</translation>
    </message>
    <message>
        <source>“{name}” is {size}; the assistant accepts up to {limit}.</source>
        <translation>“{name}” is {size}; the assistant accepts up to {limit}.</translation>
    </message>
    <message>
        <source>“{name}” is empty.</source>
        <translation>“{name}” is empty.</translation>
    </message>
    <message>
        <source>“{name}” is larger than the assistant accepts.</source>
        <translation>“{name}” is larger than the assistant accepts.</translation>
    </message>
    <message>
        <source>The assistant does not accept “{name}”.</source>
        <translation>The assistant does not accept “{name}”.</translation>
    </message>
    <message>
        <source>Files have to be sent one at a time.</source>
        <translation>Files have to be sent one at a time.</translation>
    </message>
    <message>
        <source>The assistant could not store “{name}” right now. Try again.</source>
        <translation>The assistant could not store “{name}” right now. Try again.</translation>
    </message>
    <message>
        <source>“{name}” could not be uploaded. {reason}</source>
        <translation>“{name}” could not be uploaded. {reason}</translation>
    </message>
</context>
<context>
    <name>AttachmentsUi</name>
    <message>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>Add a photo or document to send with your next message.</source>
        <translation>Add a photo or document to send with your next message.</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Attach a file…</translation>
    </message>
    <message numerus="yes">
        <source>Attach up to %n file(s) (Ctrl+Shift+A)</source>
        <translation>
            <numerusform>Attach up to %n file (Ctrl+Shift+A)</numerusform>
            <numerusform>Attach up to %n files (Ctrl+Shift+A)</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach files (Ctrl+Shift+A)</source>
        <translation>Attach files (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Files the assistant accepts ({patterns})</source>
        <translation>Files the assistant accepts ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Session ended by the server</source>
        <translation>Session ended by the server</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Unlock failed</source>
        <translation>Unlock failed</translation>
    </message>
    <message>
        <source>Conversation exported</source>
        <translation>Conversation exported</translation>
    </message>
    <message>
        <source>Conversation printed</source>
        <translation>Conversation printed</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>Conversation deleted</translation>
    </message>
    <message>
        <source>Local data erased</source>
        <translation>Local data erased</translation>
    </message>
    <message>
        <source>Security log exported</source>
        <translation>Security log exported</translation>
    </message>
    <message>
        <source>Security log</source>
        <translation>Security log</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Security events</source>
        <translation>Security events</translation>
    </message>
    <message>
        <source>Sign-ins, locks, exports and deletions on this computer, newest first.</source>
        <translation>Sign-ins, locks, exports and deletions on this computer, newest first.</translation>
    </message>
    <message>
        <source>Security log status</source>
        <translation>Security log status</translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <translation>&amp;Verify integrity</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Verify integrity</translation>
    </message>
    <message>
        <source>Checks that no event was changed, removed or reordered.</source>
        <translation>Checks that no event was changed, removed or reordered.</translation>
    </message>
    <message>
        <source>&amp;Export for IT…</source>
        <translation>&amp;Export for IT…</translation>
    </message>
    <message>
        <source>Export for IT</source>
        <translation>Export for IT</translation>
    </message>
    <message>
        <source>No security events have been recorded yet.</source>
        <translation>No security events have been recorded yet.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Intact: all {count} events are unchanged and in order.</source>
        <translation>Intact: all {count} events are unchanged and in order.</translation>
    </message>
    <message>
        <source>The security log could not be read.</source>
        <translation>The security log could not be read.</translation>
    </message>
    <message>
        <source>Broken: the log was changed at line {line} of {file} (after {count} intact events).</source>
        <translation>Broken: the log was changed at line {line} of {file} (after {count} intact events).</translation>
    </message>
    <message>
        <source>Export security log</source>
        <translation>Export security log</translation>
    </message>
    <message>
        <source>Security log (*.jsonl)</source>
        <translation>Security log (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Exported {count} events.</source>
        <translation>Exported {count} events.</translation>
    </message>
    <message>
        <source>The security log could not be exported.</source>
        <translation>The security log could not be exported.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Security log…</source>
        <translation>Security log…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Dismiss the notice</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>Sign in to send messages.</source>
        <translation>Sign in to send messages.</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or stop it first.</source>
        <translation>Wait for the answer to finish, or stop it first.</translation>
    </message>
    <message>
        <source>The answer could not be completed.</source>
        <translation>The answer could not be completed.</translation>
    </message>
    <message>
        <source>That conversation is no longer available.</source>
        <translation>That conversation is no longer available.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Type a message first.</translation>
    </message>
    <message>
        <source>Messages can be at most 10,000 characters; this one has {0}.</source>
        <translation>Messages can be at most 10,000 characters; this one has {0}.</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Questions and the assistant&apos;s answers</source>
        <translation>Questions and the assistant&apos;s answers</translation>
    </message>
    <message>
        <source>Attached: {0}</source>
        <translation>Attached: {0}</translation>
    </message>
    <message>
        <source>Sources: {0}</source>
        <translation>Sources: {0}</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>The answer was interrupted.</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>The message could not be sent.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>Helpful</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>Not helpful</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Ask a health question…  (Enter sends, Shift+Enter: new line)</source>
        <translation>Ask a health question…  (Enter sends, Shift+Enter: new line)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Type your question. Enter sends it, Shift+Enter starts a new line.</source>
        <translation>Type your question. Enter sends it, Shift+Enter starts a new line.</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Characters used</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Send message</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Stop the answer</translation>
    </message>
    <message>
        <source>{0} — too long</source>
        <translation>{0} — too long</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Emergency number</translation>
    </message>
    <message>
        <source>If you or someone else may be in danger, call {number} now, or the local emergency number where you are. This app cannot call for help, and the assistant is not able to help in an emergency.</source>
        <translation>If you or someone else may be in danger, call {number} now, or the local emergency number where you are. This app cannot call for help, and the assistant is not able to help in an emergency.</translation>
    </message>
    <message>
        <source>What to do in an emergency</source>
        <translation>What to do in an emergency</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Essentials</name>
    <message>
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>Notice action</source>
        <translation>Notice action</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>More menus</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <source>Next area</source>
        <translation>Next area</translation>
    </message>
    <message>
        <source>Previous area</source>
        <translation>Previous area</translation>
    </message>
    <message>
        <source>Go to the message box</source>
        <translation>Go to the message box</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About Health Companion</source>
        <translation>About Health Companion</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Health Companion</source>
        <translation>Health Companion</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Last updated</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Only the copy saved on this computer could be read; parts may be missing.</source>
        <translation>Only the copy saved on this computer could be read; parts may be missing.</translation>
    </message>
</context>
<context>
    <name>ExportUi</name>
    <message>
        <source>Export as Markdown…</source>
        <translation>Export as Markdown…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Export as PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open a conversation to export or print it.</source>
        <translation>Open a conversation to export or print it.</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Export conversation</translation>
    </message>
    <message>
        <source>The file could not be saved ({reason}).</source>
        <translation>The file could not be saved ({reason}).</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>Conversation exported.</source>
        <translation>Conversation exported.</translation>
    </message>
</context>
<context>
    <name>FirstRunNotice</name>
    <message>
        <source>Before you start</source>
        <translation>Before you start</translation>
    </message>
    <message>
        <source>Health Companion gives general health information. It is not a substitute for advice, diagnosis or treatment from a doctor, nurse or pharmacist, and it cannot judge how urgent something is.

In an emergency, call your local emergency number ({number}) now. The Emergency? button and F9 show this number at any time.</source>
        <translation>Health Companion gives general health information. It is not a substitute for advice, diagnosis or treatment from a doctor, nurse or pharmacist, and it cannot judge how urgent something is.

In an emergency, call your local emergency number ({number}) now. The Emergency? button and F9 show this number at any time.</translation>
    </message>
    <message>
        <source>About the health information in this app</source>
        <translation>About the health information in this app</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>I understand</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Health Companion is locked</source>
        <translation>Health Companion is locked</translation>
    </message>
    <message>
        <source>Signed-in account</source>
        <translation>Signed-in account</translation>
    </message>
    <message>
        <source>Unlock information</source>
        <translation>Unlock information</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>Unlock problem</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>Signed in as {0}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Health Companion</source>
        <translation>Health Companion</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>Start a new chat</source>
        <translation>Start a new chat</translation>
    </message>
    <message>
        <source>Search conversations (Ctrl+F)</source>
        <translation>Search conversations (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Show active or archived conversations</source>
        <translation>Show active or archived conversations</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <source>Changes waiting to be saved</source>
        <translation>Changes waiting to be saved</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Copy title</source>
        <translation>Copy title</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>&amp;Conversations</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Unarchive</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Delete conversation</translation>
    </message>
    <message>
        <source>Delete “{0}”? The conversation and its messages are removed from this computer, the web app and the assistant. This cannot be undone.</source>
        <translation>Delete “{0}”? The conversation and its messages are removed from this computer, the web app and the assistant. This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Title copied.</source>
        <translation>Title copied.</translation>
    </message>
    <message>
        <source>The answer could not be completed.</source>
        <translation>The answer could not be completed.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>This conversation was renamed elsewhere; your title “{0}” was not kept.</source>
        <translation>This conversation was renamed elsewhere; your title “{0}” was not kept.</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere; your change was not kept.</source>
        <translation>This conversation was changed elsewhere; your change was not kept.</translation>
    </message>
    <message>
        <source>Restore mine</source>
        <translation>Restore mine</translation>
    </message>
    <message>
        <source>{0} — Health Companion</source>
        <translation>{0} — Health Companion</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Conversations kept on this computer only</source>
        <translation>Conversations kept on this computer only</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Loading the conversation…</translation>
    </message>
    <message>
        <source>Ask a question to start a conversation, or pick one on the left.</source>
        <translation>Ask a question to start a conversation, or pick one on the left.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copied.</translation>
    </message>
    <message>
        <source>That link ({0}:) cannot be opened.</source>
        <translation>That link ({0}:) cannot be opened.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {0}</source>
        <translation>An unexpected error occurred: {0}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>A new language applies the next time Health Companion starts.</source>
        <translation>A new language applies the next time Health Companion starts.</translation>
    </message>
    <message>
        <source>Keep conversation history on this computer</source>
        <translation>Keep conversation history on this computer</translation>
    </message>
    <message>
        <source>Keep history on this computer</source>
        <translation>Keep history on this computer</translation>
    </message>
    <message>
        <source>When off, conversations are kept in memory only and not written to disk.</source>
        <translation>When off, conversations are kept in memory only and not written to disk.</translation>
    </message>
    <message>
        <source>Show conversation titles in notifications</source>
        <translation>Show conversation titles in notifications</translation>
    </message>
    <message>
        <source>Show titles in notifications</source>
        <translation>Show titles in notifications</translation>
    </message>
    <message>
        <source>When off, notifications use a general text that reveals nothing.</source>
        <translation>When off, notifications use a general text that reveals nothing.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language changes apply the next time the app starts.</source>
        <translation>Language changes apply the next time the app starts.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>History changes apply the next time the app starts.</source>
        <translation>History changes apply the next time the app starts.</translation>
    </message>
    <message>
        <source>Connection (set by your administrator)</source>
        <translation>Connection (set by your administrator)</translation>
    </message>
    <message>
        <source>Where conversations are shared</source>
        <translation>Where conversations are shared</translation>
    </message>
    <message>
        <source>How the assistant is reached</source>
        <translation>How the assistant is reached</translation>
    </message>
    <message>
        <source>Conversations:</source>
        <translation>Conversations:</translation>
    </message>
    <message>
        <source>Assistant:</source>
        <translation>Assistant:</translation>
    </message>
    <message>
        <source>Direct database: managed on-premises deployments only.</source>
        <translation>Direct database: managed on-premises deployments only.</translation>
    </message>
    <message>
        <source>Saving problem</source>
        <translation>Saving problem</translation>
    </message>
    <message>
        <source>Save preferences</source>
        <translation>Save preferences</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <source>Set by your organisation.</source>
        <translation>Set by your organisation.</translation>
    </message>
    <message>
        <source>The preferences could not be saved. Check that the settings file can be written.</source>
        <translation>The preferences could not be saved. Check that the settings file can be written.</translation>
    </message>
    <message>
        <source>Shared through the Supabase Data API</source>
        <translation>Shared through the Supabase Data API</translation>
    </message>
    <message>
        <source>Shared through a direct database connection</source>
        <translation>Shared through a direct database connection</translation>
    </message>
    <message>
        <source>Kept on this computer only</source>
        <translation>Kept on this computer only</translation>
    </message>
    <message>
        <source>Directly, with this computer&apos;s app key</source>
        <translation>Directly, with this computer&apos;s app key</translation>
    </message>
    <message>
        <source>Through your organisation&apos;s gateway</source>
        <translation>Through your organisation&apos;s gateway</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln min</numerusform>
            <numerusform>%Ln min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h</source>
        <translation>
            <numerusform>%Ln h</numerusform>
            <numerusform>%Ln h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln d</source>
        <translation>
            <numerusform>%Ln d</numerusform>
            <numerusform>%Ln d</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>General health information, not a substitute for professional advice. In an emergency, call your local emergency number ({number}).</source>
        <translation>General health information, not a substitute for professional advice. In an emergency, call your local emergency number ({number}).</translation>
    </message>
</context>
<context>
    <name>SafetyUi</name>
    <message>
        <source>Health information disclaimer</source>
        <translation>Health information disclaimer</translation>
    </message>
    <message>
        <source>Emergency?</source>
        <translation>Emergency?</translation>
    </message>
    <message>
        <source>What to do in an emergency (F9)</source>
        <translation>What to do in an emergency (F9)</translation>
    </message>
    <message>
        <source>About health information…</source>
        <translation>About health information…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Shows the emergency number to call</source>
        <translation>Shows the emergency number to call</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <source>it is too short</source>
        <extracomment>Codes after which the stored session can never be used again.</extracomment>
        <translation>it is too short</translation>
    </message>
    <message>
        <source>it needs a mix of letters, digits and symbols</source>
        <translation>it needs a mix of letters, digits and symbols</translation>
    </message>
    <message>
        <source>it has appeared in a known data breach</source>
        <translation>it has appeared in a known data breach</translation>
    </message>
    <message>
        <source>The email address or password is not correct.</source>
        <translation>The email address or password is not correct.</translation>
    </message>
    <message>
        <source>Please confirm your email address first: open the link in the email we sent you.</source>
        <translation>Please confirm your email address first: open the link in the email we sent you.</translation>
    </message>
    <message>
        <source>Please confirm your phone number first.</source>
        <translation>Please confirm your phone number first.</translation>
    </message>
    <message>
        <source>This account has been blocked. Please contact support.</source>
        <translation>This account has been blocked. Please contact support.</translation>
    </message>
    <message>
        <source>This account no longer exists. Please sign in again.</source>
        <translation>This account no longer exists. Please sign in again.</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a minute and try again.</source>
        <translation>Too many attempts. Please wait a minute and try again.</translation>
    </message>
    <message>
        <source>Too many emails were requested. Please wait a little before asking for another one.</source>
        <translation>Too many emails were requested. Please wait a little before asking for another one.</translation>
    </message>
    <message>
        <source>Please choose a stronger password.</source>
        <translation>Please choose a stronger password.</translation>
    </message>
    <message>
        <source>An account with this email address already exists. Please sign in.</source>
        <translation>An account with this email address already exists. Please sign in.</translation>
    </message>
    <message>
        <source>An account with this email address already exists.</source>
        <translation>An account with this email address already exists.</translation>
    </message>
    <message>
        <source>New accounts cannot be created at the moment.</source>
        <translation>New accounts cannot be created at the moment.</translation>
    </message>
    <message>
        <source>Signing in with email is turned off for this service.</source>
        <translation>Signing in with email is turned off for this service.</translation>
    </message>
    <message>
        <source>Please enter a valid email address.</source>
        <translation>Please enter a valid email address.</translation>
    </message>
    <message>
        <source>Emails cannot be sent to this address.</source>
        <translation>Emails cannot be sent to this address.</translation>
    </message>
    <message>
        <source>Some of the details entered are not valid.</source>
        <translation>Some of the details entered are not valid.</translation>
    </message>
    <message>
        <source>You have been signed out. Please sign in again.</source>
        <translation>You have been signed out. Please sign in again.</translation>
    </message>
    <message>
        <source>You have been signed out for your security. Please sign in again.</source>
        <translation>You have been signed out for your security. Please sign in again.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Your session has expired. Please sign in again.</translation>
    </message>
    <message>
        <source>Your session needs to be renewed. Please try again.</source>
        <translation>Your session needs to be renewed. Please try again.</translation>
    </message>
    <message>
        <source>Please confirm your identity with your second factor.</source>
        <translation>Please confirm your identity with your second factor.</translation>
    </message>
    <message>
        <source>The verification code is not correct.</source>
        <translation>The verification code is not correct.</translation>
    </message>
    <message>
        <source>The verification code has expired. Please try again.</source>
        <translation>The verification code has expired. Please try again.</translation>
    </message>
    <message>
        <source>The server is busy. Trying again shortly.</source>
        <translation>The server is busy. Trying again shortly.</translation>
    </message>
    <message>
        <source>The sign-in service took too long to answer. Trying again shortly.</source>
        <translation>The sign-in service took too long to answer. Trying again shortly.</translation>
    </message>
    <message>
        <source>The sign-in service cannot be reached. Check your internet connection.</source>
        <translation>The sign-in service cannot be reached. Check your internet connection.</translation>
    </message>
    <message>
        <source>The sign-in service had a problem. Please try again shortly.</source>
        <translation>The sign-in service had a problem. Please try again shortly.</translation>
    </message>
    <message>
        <source>This app is not set up correctly for the sign-in service.</source>
        <translation>This app is not set up correctly for the sign-in service.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>You are not signed in.</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>You have signed out.</translation>
    </message>
    <message>
        <source>Another copy of the app is renewing your session. Trying again shortly.</source>
        <translation>Another copy of the app is renewing your session. Trying again shortly.</translation>
    </message>
    <message>
        <source>Signing in did not work. Please try again.</source>
        <translation>Signing in did not work. Please try again.</translation>
    </message>
    <message>
        <source>The assistant service has reached its usage limit. Please try again later or contact your administrator.</source>
        <translation>The assistant service has reached its usage limit. Please try again later or contact your administrator.</translation>
    </message>
    <message>
        <source>The assistant is busy right now. Please wait a moment and try again.</source>
        <translation>The assistant is busy right now. Please wait a moment and try again.</translation>
    </message>
    <message>
        <source>Could not reach the assistant service. Check your internet connection and try again.</source>
        <translation>Could not reach the assistant service. Check your internet connection and try again.</translation>
    </message>
    <message>
        <source>The assistant service took too long to respond. Please try again.</source>
        <translation>The assistant service took too long to respond. Please try again.</translation>
    </message>
    <message>
        <source>The assistant stopped responding. Please try again.</source>
        <translation>The assistant stopped responding. Please try again.</translation>
    </message>
    <message>
        <source>The answer was cut off before it finished. Please try again.</source>
        <translation>The answer was cut off before it finished. Please try again.</translation>
    </message>
    <message>
        <source>The assistant could not finish this answer. Please try again.</source>
        <translation>The assistant could not finish this answer. Please try again.</translation>
    </message>
    <message>
        <source>The assistant&apos;s language model is unavailable right now. Please try again later.</source>
        <translation>The assistant&apos;s language model is unavailable right now. Please try again later.</translation>
    </message>
    <message>
        <source>The assistant service rejected the app key. Ask your administrator to check the Dify app key in the settings.</source>
        <translation>The assistant service rejected the app key. Ask your administrator to check the Dify app key in the settings.</translation>
    </message>
    <message>
        <source>The assistant app is disabled or not available to this application.</source>
        <translation>The assistant app is disabled or not available to this application.</translation>
    </message>
    <message>
        <source>This conversation or message no longer exists on the assistant service. It may have been deleted.</source>
        <translation>This conversation or message no longer exists on the assistant service. It may have been deleted.</translation>
    </message>
    <message>
        <source>The assistant service is having problems right now. Please try again shortly.</source>
        <translation>The assistant service is having problems right now. Please try again shortly.</translation>
    </message>
    <message>
        <source>The assistant service sent a response this app could not understand.</source>
        <translation>The assistant service sent a response this app could not understand.</translation>
    </message>
    <message>
        <source>The assistant service could not handle this request.</source>
        <translation>The assistant service could not handle this request.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Signing in…</source>
        <extracomment>Failed unlock attempts allowed before each further attempt waits (seconds, doubling). Files of a profile that stay when a shared workstation wipes it on sign-out.</extracomment>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly.</source>
        <translation>Signing in failed unexpectedly.</translation>
    </message>
    <message>
        <source>Creating an account is not available here.</source>
        <translation>Creating an account is not available here.</translation>
    </message>
    <message>
        <source>If this address is new, check your email and open the link to confirm your account. If you already have an account, sign in or reset your password.</source>
        <translation>If this address is new, check your email and open the link to confirm your account. If you already have an account, sign in or reset your password.</translation>
    </message>
    <message>
        <source>Check your email and open the link to confirm your account, then sign in.</source>
        <translation>Check your email and open the link to confirm your account, then sign in.</translation>
    </message>
    <message>
        <source>Resetting the password is not available here.</source>
        <translation>Resetting the password is not available here.</translation>
    </message>
    <message>
        <source>If an account exists for this address, we have sent it an email with a link to choose a new password.</source>
        <translation>If an account exists for this address, we have sent it an email with a link to choose a new password.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>The password is not correct.</translation>
    </message>
    <message>
        <source>This is not the account that is signed in.</source>
        <translation>This is not the account that is signed in.</translation>
    </message>
    <message>
        <source>Your password cannot be checked without an internet connection on this computer. Connect to the internet and try again, or sign out.</source>
        <translation>Your password cannot be checked without an internet connection on this computer. Connect to the internet and try again, or sign out.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Waiting for your verification code</source>
        <translation>Waiting for your verification code</translation>
    </message>
    <message>
        <source>This is a shared workstation: your sign-in is not remembered and your data is removed from this computer when you sign out.</source>
        <translation>This is a shared workstation: your sign-in is not remembered and your data is removed from this computer when you sign out.</translation>
    </message>
    <message>
        <source>Your sign-in will not be remembered: this computer has no secure password storage (keyring) available, so you will need to sign in again next time.</source>
        <translation>Your sign-in will not be remembered: this computer has no secure password storage (keyring) available, so you will need to sign in again next time.</translation>
    </message>
</context>
<context>
    <name>SessionUi</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Locked — Health Companion</source>
        <translation>Locked — Health Companion</translation>
    </message>
    <message>
        <source>Sign-in not remembered on this computer</source>
        <translation>Sign-in not remembered on this computer</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be saved to the server yet and will be lost if you sign out now.</source>
        <translation>
            <numerusform>%n change could not be saved to the server yet and will be lost if you sign out now.</numerusform>
            <numerusform>%n changes could not be saved to the server yet and will be lost if you sign out now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some changes may not have been saved to the server yet.</source>
        <translation>Some changes may not have been saved to the server yet.</translation>
    </message>
    <message>
        <source>Sign out anyway</source>
        <translation>Sign out anyway</translation>
    </message>
    <message>
        <source>Unlocking needs an internet connection on this computer. You can always sign out.</source>
        <translation>Unlocking needs an internet connection on this computer. You can always sign out.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Send the message</source>
        <translation>Send the message</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>New line in the message</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>Next or previous control</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation>Open the selected conversation</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>Close a dialog</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Each action and the keys that run it</source>
        <translation>Each action and the keys that run it</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Form title</source>
        <extracomment>GoTrue&apos;s floor for a password length and its hard limit in bytes.</extracomment>
        <translation>Form title</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Enter an email address like name@example.org.</source>
        <translation>Enter an email address like name@example.org.</translation>
    </message>
    <message>
        <source>Email problem</source>
        <translation>Email problem</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>Password problem</source>
        <translation>Password problem</translation>
    </message>
    <message>
        <source>Password rules</source>
        <translation>Password rules</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Sign-in problem</translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation>Use another account</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>Back to sign in</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Sign in to Health Companion</source>
        <translation>Sign in to Health Companion</translation>
    </message>
    <message>
        <source>Create a Health Companion account</source>
        <translation>Create a Health Companion account</translation>
    </message>
    <message>
        <source>Reset your password</source>
        <translation>Reset your password</translation>
    </message>
    <message>
        <source>Enter your verification code</source>
        <translation>Enter your verification code</translation>
    </message>
    <message>
        <source>Open your authenticator app and enter the code it shows for this account.</source>
        <translation>Open your authenticator app and enter the code it shows for this account.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Send reset link</source>
        <translation>Send reset link</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Creating the account…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>At least {0} characters; longer is stronger.</source>
        <translation>At least {0} characters; longer is stronger.</translation>
    </message>
    <message>
        <source>A mix of lower- and upper-case letters, digits and symbols.</source>
        <translation>A mix of lower- and upper-case letters, digits and symbols.</translation>
    </message>
    <message>
        <source>Not a password that has appeared in a known data breach.</source>
        <translation>Not a password that has appeared in a known data breach.</translation>
    </message>
    <message>
        <source>The password needs at least {0} characters.</source>
        <translation>The password needs at least {0} characters.</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>The password is too long.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>SuggestionsBar</name>
    <message>
        <source>Try asking:</source>
        <translation>Try asking:</translation>
    </message>
    <message>
        <source>Suggested questions</source>
        <translation>Suggested questions</translation>
    </message>
    <message>
        <source>Ask: {0}</source>
        <translation>Ask: {0}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>{0} (details are in the log)</source>
        <translation>{0} (details are in the log)</translation>
    </message>
</context>
<context>
    <name>ThreadListView</name>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Your conversations, newest first. Enter opens, F2 renames, Delete deletes.</source>
        <translation>Your conversations, newest first. Enter opens, F2 renames, Delete deletes.</translation>
    </message>
</context>
<context>
    <name>ThreadsController</name>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>A change was not saved: the conversation was deleted elsewhere.</source>
        <translation>A change was not saved: the conversation was deleted elsewhere.</translation>
    </message>
    <message>
        <source>The server refused a change. It is kept on this computer only.</source>
        <translation>The server refused a change. It is kept on this computer only.</translation>
    </message>
    <message>
        <source>A change could not be saved to the server and was dropped.</source>
        <translation>A change could not be saved to the server and was dropped.</translation>
    </message>
    <message>
        <source>Conversation archived.</source>
        <translation>Conversation archived.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation>That conversation no longer exists.</translation>
    </message>
</context>
<context>
    <name>VoiceController</name>
    <message>
        <source>The microphone is not available.</source>
        <translation>The microphone is not available.</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Nothing was recorded.</translation>
    </message>
    <message>
        <source>The recording failed.</source>
        <translation>The recording failed.</translation>
    </message>
    <message>
        <source>No speech was recognised. Try again a little closer.</source>
        <translation>No speech was recognised. Try again a little closer.</translation>
    </message>
    <message>
        <source>The recording is too long. Keep it to a few minutes.</source>
        <translation>The recording is too long. Keep it to a few minutes.</translation>
    </message>
    <message>
        <source>The assistant could not use this recording.</source>
        <translation>The assistant could not use this recording.</translation>
    </message>
    <message>
        <source>The assistant&apos;s speech service cannot turn speech into text.</source>
        <translation>The assistant&apos;s speech service cannot turn speech into text.</translation>
    </message>
    <message>
        <source>Your speech could not be turned into text. {reason}</source>
        <translation>Your speech could not be turned into text. {reason}</translation>
    </message>
    <message>
        <source>There is nothing to read aloud in this answer.</source>
        <translation>There is nothing to read aloud in this answer.</translation>
    </message>
    <message>
        <source>The answer could not be read aloud. {reason}</source>
        <translation>The answer could not be read aloud. {reason}</translation>
    </message>
    <message>
        <source>The audio could not be played.</source>
        <translation>The audio could not be played.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
</context>
<context>
    <name>VoiceSupport</name>
    <message>
        <source>Voice input and reading answers aloud need the optional voice component, which is not installed.</source>
        <translation>Voice input and reading answers aloud need the optional voice component, which is not installed.</translation>
    </message>
    <message>
        <source>No microphone was found.</source>
        <translation>No microphone was found.</translation>
    </message>
    <message>
        <source>The recording did not finish.</source>
        <translation>The recording did not finish.</translation>
    </message>
    <message>
        <source>The recording failed.</source>
        <translation>The recording failed.</translation>
    </message>
    <message>
        <source>The audio could not be played.</source>
        <translation>The audio could not be played.</translation>
    </message>
</context>
<context>
    <name>VoiceUi</name>
    <message>
        <source>Speak</source>
        <translation>Speak</translation>
    </message>
    <message>
        <source>Dictate a message</source>
        <translation>Dictate a message</translation>
    </message>
    <message>
        <source>Record your question; the text appears in the message box to check.</source>
        <translation>Record your question; the text appears in the message box to check.</translation>
    </message>
    <message>
        <source>Dictate (Ctrl+Shift+M)</source>
        <translation>Dictate (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>Stop reading aloud</translation>
    </message>
    <message>
        <source>Read the last answer aloud</source>
        <translation>Read the last answer aloud</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Stop and transcribe</source>
        <translation>Stop and transcribe</translation>
    </message>
    <message>
        <source>Transcribing…</source>
        <translation>Transcribing…</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <source>Preparing audio… (stop)</source>
        <translation>Preparing audio… (stop)</translation>
    </message>
</context>
</TS>
