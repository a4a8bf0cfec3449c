<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AboutBox</name>
    <message>
        <source>About Health Companion</source>
        <translation>Health Companion के बारे में</translation>
    </message>
    <message>
        <source>Health Companion {version}</source>
        <translation>Health Companion {version}</translation>
    </message>
    <message>
        <source>A desktop companion for health questions. It does not replace a clinician; in an emergency call your local emergency number.</source>
        <translation>स्वास्थ्य से जुड़े सवालों के लिए एक डेस्कटॉप साथी। यह डॉक्टर की जगह नहीं लेता; आपात स्थिति में अपने स्थानीय आपातकालीन नंबर पर कॉल करें।</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>Answer: {text}</source>
        <translation>जवाब: {text}</translation>
    </message>
    <message>
        <source>The answer was stopped.</source>
        <translation>जवाब रोक दिया गया।</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>जवाब बीच में रुक गया।</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>संदेश भेजा नहीं जा सका।</translation>
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
        <translation>आपका जवाब तैयार है: {title}</translation>
    </message>
    <message>
        <source>Your answer is ready</source>
        <translation>आपका जवाब तैयार है</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Attachment {name}</source>
        <translation>संलग्न फ़ाइल {name}</translation>
    </message>
    <message>
        <source>Preview of {name}</source>
        <translation>{name} की झलक</translation>
    </message>
    <message>
        <source>File</source>
        <translation>फ़ाइल</translation>
    </message>
    <message>
        <source>Upload progress of {name}</source>
        <translation>{name} के अपलोड की प्रगति</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} हटाएँ</translation>
    </message>
    <message>
        <source>Uploading… {size}</source>
        <translation>अपलोड हो रहा है… {size}</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>भेजा नहीं गया</translation>
    </message>
    <message>
        <source>{size} · uploaded</source>
        <translation>{size} · अपलोड हो गया</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Attached files</source>
        <translation>जुड़ी हुई फ़ाइलें</translation>
    </message>
</context>
<context>
    <name>AttachmentsController</name>
    <message>
        <source>This assistant does not accept files.</source>
        <translation>यह सहायक फ़ाइलें स्वीकार नहीं करता।</translation>
    </message>
    <message numerus="yes">
        <source>You can attach at most %n file(s) to one message.</source>
        <translation>
            <numerusform>एक संदेश के साथ आप ज़्यादा से ज़्यादा %n फ़ाइल जोड़ सकते हैं।</numerusform>
            <numerusform>एक संदेश के साथ आप ज़्यादा से ज़्यादा %n फ़ाइलें जोड़ सकते हैं।</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” is already attached.</source>
        <translation>“{name}” पहले से जुड़ी हुई है।</translation>
    </message>
    <message>
        <source>“{name}” could not be read.</source>
        <translation>“{name}” पढ़ी नहीं जा सकी।</translation>
    </message>
    <message>
        <source>“{name}” is not a file.</source>
        <translation>“{name}” कोई फ़ाइल नहीं है।</translation>
    </message>
    <message>
        <source>The assistant does not accept files like “{name}”.</source>
        <translation>सहायक “{name}” जैसी फ़ाइलें स्वीकार नहीं करता।</translation>
    </message>
    <message>
        <source>“{name}” is {size}; the assistant accepts up to {limit}.</source>
        <translation>“{name}” का आकार {size} है; सहायक अधिकतम {limit} तक स्वीकार करता है।</translation>
    </message>
    <message>
        <source>“{name}” is empty.</source>
        <translation>“{name}” खाली है।</translation>
    </message>
    <message>
        <source>“{name}” is larger than the assistant accepts.</source>
        <translation>“{name}” उस आकार से बड़ी है जो सहायक स्वीकार करता है।</translation>
    </message>
    <message>
        <source>The assistant does not accept “{name}”.</source>
        <translation>सहायक “{name}” स्वीकार नहीं करता।</translation>
    </message>
    <message>
        <source>Files have to be sent one at a time.</source>
        <translation>फ़ाइलें एक-एक करके भेजनी होंगी।</translation>
    </message>
    <message>
        <source>The assistant could not store “{name}” right now. Try again.</source>
        <translation>सहायक अभी “{name}” सहेज नहीं सका। फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>“{name}” could not be uploaded. {reason}</source>
        <translation>“{name}” अपलोड नहीं हो सकी। {reason}</translation>
    </message>
</context>
<context>
    <name>AttachmentsUi</name>
    <message>
        <source>Attach…</source>
        <translation>जोड़ें…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>फ़ाइल जोड़ें</translation>
    </message>
    <message>
        <source>Add a photo or document to send with your next message.</source>
        <translation>अपने अगले संदेश के साथ भेजने के लिए फ़ोटो या दस्तावेज़ जोड़ें।</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>फ़ाइल जोड़ें…</translation>
    </message>
    <message numerus="yes">
        <source>Attach up to %n file(s) (Ctrl+Shift+A)</source>
        <translation>
            <numerusform>अधिकतम %n फ़ाइल जोड़ें (Ctrl+Shift+A)</numerusform>
            <numerusform>अधिकतम %n फ़ाइलें जोड़ें (Ctrl+Shift+A)</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach files (Ctrl+Shift+A)</source>
        <translation>फ़ाइलें जोड़ें (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>फ़ाइलें जोड़ें</translation>
    </message>
    <message>
        <source>Files the assistant accepts ({patterns})</source>
        <translation>सहायक द्वारा स्वीकार की जाने वाली फ़ाइलें ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Signed in</source>
        <translation>साइन इन किया</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>साइन इन विफल</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>साइन आउट किया</translation>
    </message>
    <message>
        <source>Session ended by the server</source>
        <translation>सर्वर ने सत्र समाप्त किया</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>लॉक किया गया</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>अनलॉक किया गया</translation>
    </message>
    <message>
        <source>Unlock failed</source>
        <translation>अनलॉक विफल</translation>
    </message>
    <message>
        <source>Conversation exported</source>
        <translation>बातचीत एक्सपोर्ट की गई</translation>
    </message>
    <message>
        <source>Conversation printed</source>
        <translation>बातचीत प्रिंट की गई</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>बातचीत हटाई गई</translation>
    </message>
    <message>
        <source>Local data erased</source>
        <translation>इस कंप्यूटर का डेटा मिटाया गया</translation>
    </message>
    <message>
        <source>Security log exported</source>
        <translation>सुरक्षा लॉग एक्सपोर्ट किया गया</translation>
    </message>
    <message>
        <source>Security log</source>
        <translation>सुरक्षा लॉग</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>घटना</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>बातचीत</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>नतीजा</translation>
    </message>
    <message>
        <source>Security events</source>
        <translation>सुरक्षा घटनाएँ</translation>
    </message>
    <message>
        <source>Sign-ins, locks, exports and deletions on this computer, newest first.</source>
        <translation>इस कंप्यूटर पर साइन-इन, लॉक, एक्सपोर्ट और हटाने की घटनाएँ, सबसे नई पहले।</translation>
    </message>
    <message>
        <source>Security log status</source>
        <translation>सुरक्षा लॉग की स्थिति</translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <translation>अखंडता जाँचें (&amp;V)</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>अखंडता जाँचें</translation>
    </message>
    <message>
        <source>Checks that no event was changed, removed or reordered.</source>
        <translation>जाँचता है कि कोई घटना बदली, हटाई या आगे-पीछे तो नहीं की गई।</translation>
    </message>
    <message>
        <source>&amp;Export for IT…</source>
        <translation>IT के लिए एक्सपोर्ट करें… (&amp;E)</translation>
    </message>
    <message>
        <source>Export for IT</source>
        <translation>IT के लिए एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>No security events have been recorded yet.</source>
        <translation>अभी तक कोई सुरक्षा घटना दर्ज नहीं हुई है।</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Intact: all {count} events are unchanged and in order.</source>
        <translation>सुरक्षित: सभी {count} घटनाएँ बिना बदलाव के और सही क्रम में हैं।</translation>
    </message>
    <message>
        <source>The security log could not be read.</source>
        <translation>सुरक्षा लॉग पढ़ा नहीं जा सका।</translation>
    </message>
    <message>
        <source>Broken: the log was changed at line {line} of {file} (after {count} intact events).</source>
        <translation>खंडित: लॉग में {file} की पंक्ति {line} पर बदलाव हुआ है ({count} सही घटनाओं के बाद)।</translation>
    </message>
    <message>
        <source>Export security log</source>
        <translation>सुरक्षा लॉग एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>Security log (*.jsonl)</source>
        <translation>सुरक्षा लॉग (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>एक्सपोर्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Exported {count} events.</source>
        <translation>{count} घटनाएँ एक्सपोर्ट की गईं।</translation>
    </message>
    <message>
        <source>The security log could not be exported.</source>
        <translation>सुरक्षा लॉग एक्सपोर्ट नहीं हो सका।</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <source>Security log…</source>
        <translation>सुरक्षा लॉग…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notice</source>
        <translation>सूचना</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>सूचना हटाएँ</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>Sign in to send messages.</source>
        <translation>संदेश भेजने के लिए साइन इन करें।</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or stop it first.</source>
        <translation>जवाब पूरा होने तक रुकें, या पहले उसे रोकें।</translation>
    </message>
    <message>
        <source>The answer could not be completed.</source>
        <translation>जवाब पूरा नहीं हो सका।</translation>
    </message>
    <message>
        <source>That conversation is no longer available.</source>
        <translation>वह बातचीत अब उपलब्ध नहीं है।</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>पहले साइन इन करें।</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>पहले कोई संदेश लिखें।</translation>
    </message>
    <message>
        <source>Messages can be at most 10,000 characters; this one has {0}.</source>
        <translation>संदेश में अधिकतम 10,000 अक्षर हो सकते हैं; इसमें {0} हैं।</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>बातचीत</translation>
    </message>
    <message>
        <source>Questions and the assistant&apos;s answers</source>
        <translation>सवाल और सहायक के जवाब</translation>
    </message>
    <message>
        <source>Attached: {0}</source>
        <translation>संलग्न: {0}</translation>
    </message>
    <message>
        <source>Sources: {0}</source>
        <translation>स्रोत: {0}</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>सोच रहा है…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>रोका गया।</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>जवाब बीच में रुक गया।</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>संदेश भेजा नहीं जा सका।</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>कॉपी करें</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>मददगार</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>मददगार नहीं</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Ask a health question…  (Enter sends, Shift+Enter: new line)</source>
        <translation>स्वास्थ्य से जुड़ा सवाल पूछें…  (Enter से भेजें, Shift+Enter: नई पंक्ति)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <source>Type your question. Enter sends it, Shift+Enter starts a new line.</source>
        <translation>अपना सवाल लिखें। Enter दबाने पर यह भेजा जाएगा, Shift+Enter से नई पंक्ति शुरू होगी।</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>इस्तेमाल हुए अक्षर</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>भेजें</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>संदेश भेजें</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>जवाब रोकें</translation>
    </message>
    <message>
        <source>{0} — too long</source>
        <translation>{0} — बहुत लंबा</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Emergency</source>
        <translation>आपातकाल</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>आपातकालीन नंबर</translation>
    </message>
    <message>
        <source>If you or someone else may be in danger, call {number} now, or the local emergency number where you are. This app cannot call for help, and the assistant is not able to help in an emergency.</source>
        <translation>अगर आप या कोई और खतरे में हो सकता है, तो अभी {number} पर कॉल करें, या जहाँ आप हैं वहाँ के स्थानीय आपातकालीन नंबर पर। यह ऐप मदद के लिए कॉल नहीं कर सकता, और सहायक आपात स्थिति में मदद नहीं कर सकता।</translation>
    </message>
    <message>
        <source>What to do in an emergency</source>
        <translation>आपात स्थिति में क्या करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>Essentials</name>
    <message>
        <source>Clear the search</source>
        <translation>खोज साफ़ करें</translation>
    </message>
    <message>
        <source>Notice action</source>
        <translation>सूचना से जुड़ा काम</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>और मेनू</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>पसंद…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>बड़ा करें</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>छोटा करें</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>असली आकार</translation>
    </message>
    <message>
        <source>Next area</source>
        <translation>अगला हिस्सा</translation>
    </message>
    <message>
        <source>Previous area</source>
        <translation>पिछला हिस्सा</translation>
    </message>
    <message>
        <source>Go to the message box</source>
        <translation>संदेश बॉक्स पर जाएँ</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>About Health Companion</source>
        <translation>Health Companion के बारे में</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>दृश्य (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>You</source>
        <translation>आप</translation>
    </message>
    <message>
        <source>Health Companion</source>
        <translation>Health Companion</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>बातचीत</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>शुरू हुई</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>आख़िरी बदलाव</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>एक्सपोर्ट की गई</translation>
    </message>
    <message>
        <source>Only the copy saved on this computer could be read; parts may be missing.</source>
        <translation>सिर्फ़ इस कंप्यूटर पर सहेजी गई कॉपी पढ़ी जा सकी; कुछ हिस्से छूटे हो सकते हैं।</translation>
    </message>
</context>
<context>
    <name>ExportUi</name>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown के रूप में एक्सपोर्ट करें…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>PDF के रूप में एक्सपोर्ट करें…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>प्रिंट करें…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>Open a conversation to export or print it.</source>
        <translation>एक्सपोर्ट या प्रिंट करने के लिए कोई बातचीत खोलें।</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown फ़ाइल (*.md)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF फ़ाइल (*.pdf)</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>बातचीत एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>The file could not be saved ({reason}).</source>
        <translation>फ़ाइल सहेजी नहीं जा सकी ({reason})।</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>प्रिंटर को भेज दिया गया।</translation>
    </message>
    <message>
        <source>Conversation exported.</source>
        <translation>बातचीत एक्सपोर्ट हो गई।</translation>
    </message>
</context>
<context>
    <name>FirstRunNotice</name>
    <message>
        <source>Before you start</source>
        <translation>शुरू करने से पहले</translation>
    </message>
    <message>
        <source>Health Companion gives general health information. It is not a substitute for advice, diagnosis or treatment from a doctor, nurse or pharmacist, and it cannot judge how urgent something is.

In an emergency, call your local emergency number ({number}) now. The Emergency? button and F9 show this number at any time.</source>
        <translation>Health Companion स्वास्थ्य से जुड़ी सामान्य जानकारी देता है। यह डॉक्टर, नर्स या फ़ार्मासिस्ट की सलाह, जाँच या इलाज की जगह नहीं ले सकता, और यह तय नहीं कर सकता कि कोई बात कितनी ज़रूरी है।

आपात स्थिति में अभी अपने स्थानीय आपातकालीन नंबर ({number}) पर कॉल करें। “आपातकाल?” बटन और F9 यह नंबर कभी भी दिखाते हैं।</translation>
    </message>
    <message>
        <source>About the health information in this app</source>
        <translation>इस ऐप में दी गई स्वास्थ्य जानकारी के बारे में</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>मैं समझ गया/गई</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>लॉक है</translation>
    </message>
    <message>
        <source>Health Companion is locked</source>
        <translation>Health Companion लॉक है</translation>
    </message>
    <message>
        <source>Signed-in account</source>
        <translation>साइन इन किया हुआ खाता</translation>
    </message>
    <message>
        <source>Unlock information</source>
        <translation>अनलॉक करने की जानकारी</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>अनलॉक करने में समस्या</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>अनलॉक करें</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>साइन आउट करें</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>{0} के रूप में साइन इन</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
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
        <translation>नई चैट</translation>
    </message>
    <message>
        <source>Start a new chat</source>
        <translation>नई चैट शुरू करें</translation>
    </message>
    <message>
        <source>Search conversations (Ctrl+F)</source>
        <translation>बातचीत खोजें (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>बातचीत खोजें</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>बातचीत</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>संग्रहित</translation>
    </message>
    <message>
        <source>Show active or archived conversations</source>
        <translation>चालू या संग्रहित बातचीत दिखाएँ</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>कनेक्शन की स्थिति</translation>
    </message>
    <message>
        <source>Changes waiting to be saved</source>
        <translation>सहेजे जाने की प्रतीक्षा में बदलाव</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>नाम बदलें</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>संग्रहित करें</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>हटाएँ…</translation>
    </message>
    <message>
        <source>Copy title</source>
        <translation>शीर्षक कॉपी करें</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>बातचीत (&amp;C)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>संग्रह से वापस लाएँ</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>बातचीत हटाएँ</translation>
    </message>
    <message>
        <source>Delete “{0}”? The conversation and its messages are removed from this computer, the web app and the assistant. This cannot be undone.</source>
        <translation>“{0}” हटाएँ? यह बातचीत और इसके संदेश इस कंप्यूटर, वेब ऐप और सहायक से हटा दिए जाएँगे। इसे वापस नहीं लाया जा सकता।</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Title copied.</source>
        <translation>शीर्षक कॉपी हो गया।</translation>
    </message>
    <message>
        <source>The answer could not be completed.</source>
        <translation>जवाब पूरा नहीं हो सका।</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>फिर से भेजें</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>पहले जैसा करें</translation>
    </message>
    <message>
        <source>This conversation was renamed elsewhere; your title “{0}” was not kept.</source>
        <translation>इस बातचीत का नाम कहीं और बदला गया; आपका शीर्षक “{0}” नहीं रखा गया।</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere; your change was not kept.</source>
        <translation>यह बातचीत कहीं और बदली गई; आपका बदलाव नहीं रखा गया।</translation>
    </message>
    <message>
        <source>Restore mine</source>
        <translation>मेरा वापस लाएँ</translation>
    </message>
    <message>
        <source>{0} — Health Companion</source>
        <translation>{0} — Health Companion</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>सिंक हो गया</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>सिंक हो रहा है…</translation>
    </message>
    <message>
        <source>Conversations kept on this computer only</source>
        <translation>बातचीत सिर्फ़ इसी कंप्यूटर पर रखी गई हैं</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n बदलाव बाकी</numerusform>
            <numerusform>%n बदलाव बाकी</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>बातचीत लोड हो रही है…</translation>
    </message>
    <message>
        <source>Ask a question to start a conversation, or pick one on the left.</source>
        <translation>बातचीत शुरू करने के लिए सवाल पूछें, या बाईं ओर से कोई बातचीत चुनें।</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>कॉपी हो गया।</translation>
    </message>
    <message>
        <source>That link ({0}:) cannot be opened.</source>
        <translation>वह लिंक ({0}:) खोला नहीं जा सकता।</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>कुछ गड़बड़ हो गई</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {0}</source>
        <translation>एक अनपेक्षित गड़बड़ी हुई: {0}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>पसंद</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>सिस्टम के अनुसार</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>हल्का</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>गहरा</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>थीम</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>A new language applies the next time Health Companion starts.</source>
        <translation>नई भाषा अगली बार Health Companion शुरू होने पर लागू होगी।</translation>
    </message>
    <message>
        <source>Keep conversation history on this computer</source>
        <translation>बातचीत का इतिहास इस कंप्यूटर पर रखें</translation>
    </message>
    <message>
        <source>Keep history on this computer</source>
        <translation>इतिहास इस कंप्यूटर पर रखें</translation>
    </message>
    <message>
        <source>When off, conversations are kept in memory only and not written to disk.</source>
        <translation>बंद होने पर बातचीत सिर्फ़ मेमोरी में रहती है, डिस्क पर नहीं लिखी जाती।</translation>
    </message>
    <message>
        <source>Show conversation titles in notifications</source>
        <translation>सूचनाओं में बातचीत के शीर्षक दिखाएँ</translation>
    </message>
    <message>
        <source>Show titles in notifications</source>
        <translation>सूचनाओं में शीर्षक दिखाएँ</translation>
    </message>
    <message>
        <source>When off, notifications use a general text that reveals nothing.</source>
        <translation>बंद होने पर सूचनाओं में एक सामान्य संदेश दिखता है, जिससे कुछ पता नहीं चलता।</translation>
    </message>
    <message>
        <source>General</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>थीम (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा (&amp;L)</translation>
    </message>
    <message>
        <source>Language changes apply the next time the app starts.</source>
        <translation>भाषा में बदलाव ऐप के अगली बार शुरू होने पर लागू होंगे।</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>निजता</translation>
    </message>
    <message>
        <source>History changes apply the next time the app starts.</source>
        <translation>इतिहास से जुड़े बदलाव ऐप के अगली बार शुरू होने पर लागू होंगे।</translation>
    </message>
    <message>
        <source>Connection (set by your administrator)</source>
        <translation>कनेक्शन (आपके एडमिनिस्ट्रेटर द्वारा तय)</translation>
    </message>
    <message>
        <source>Where conversations are shared</source>
        <translation>बातचीत कहाँ साझा होती है</translation>
    </message>
    <message>
        <source>How the assistant is reached</source>
        <translation>सहायक से कैसे जुड़ते हैं</translation>
    </message>
    <message>
        <source>Conversations:</source>
        <translation>बातचीत:</translation>
    </message>
    <message>
        <source>Assistant:</source>
        <translation>सहायक:</translation>
    </message>
    <message>
        <source>Direct database: managed on-premises deployments only.</source>
        <translation>सीधा डेटाबेस: केवल संस्था के अपने सर्वर पर चलने वाले इंस्टॉलेशन के लिए।</translation>
    </message>
    <message>
        <source>Saving problem</source>
        <translation>सहेजने में समस्या</translation>
    </message>
    <message>
        <source>Save preferences</source>
        <translation>पसंद सहेजें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>आपकी संस्था द्वारा तय</translation>
    </message>
    <message>
        <source>Set by your organisation.</source>
        <translation>आपकी संस्था द्वारा तय।</translation>
    </message>
    <message>
        <source>The preferences could not be saved. Check that the settings file can be written.</source>
        <translation>पसंद सहेजी नहीं जा सकी। जाँचें कि सेटिंग्स फ़ाइल में लिखा जा सकता है।</translation>
    </message>
    <message>
        <source>Shared through the Supabase Data API</source>
        <translation>Supabase Data API के ज़रिए साझा</translation>
    </message>
    <message>
        <source>Shared through a direct database connection</source>
        <translation>सीधे डेटाबेस कनेक्शन के ज़रिए साझा</translation>
    </message>
    <message>
        <source>Kept on this computer only</source>
        <translation>सिर्फ़ इस कंप्यूटर पर रखी जाती है</translation>
    </message>
    <message>
        <source>Directly, with this computer&apos;s app key</source>
        <translation>सीधे, इस कंप्यूटर की ऐप कुंजी से</translation>
    </message>
    <message>
        <source>Through your organisation&apos;s gateway</source>
        <translation>आपकी संस्था के गेटवे के ज़रिए</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>now</source>
        <translation>अभी</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln मिनट</numerusform>
            <numerusform>%Ln मिनट</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h</source>
        <translation>
            <numerusform>%Ln घंटा</numerusform>
            <numerusform>%Ln घंटे</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln d</source>
        <translation>
            <numerusform>%Ln दिन</numerusform>
            <numerusform>%Ln दिन</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>General health information, not a substitute for professional advice. In an emergency, call your local emergency number ({number}).</source>
        <translation>स्वास्थ्य से जुड़ी सामान्य जानकारी, विशेषज्ञ की सलाह का विकल्प नहीं। आपात स्थिति में अपने स्थानीय आपातकालीन नंबर ({number}) पर कॉल करें।</translation>
    </message>
</context>
<context>
    <name>SafetyUi</name>
    <message>
        <source>Health information disclaimer</source>
        <translation>स्वास्थ्य जानकारी से जुड़ी सूचना</translation>
    </message>
    <message>
        <source>Emergency?</source>
        <translation>आपातकाल?</translation>
    </message>
    <message>
        <source>What to do in an emergency (F9)</source>
        <translation>आपात स्थिति में क्या करें (F9)</translation>
    </message>
    <message>
        <source>About health information…</source>
        <translation>स्वास्थ्य जानकारी के बारे में…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <source>Shows the emergency number to call</source>
        <translation>कॉल करने के लिए आपातकालीन नंबर दिखाता है</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <source>it is too short</source>
        <extracomment>Codes after which the stored session can never be used again.</extracomment>
        <translation>यह बहुत छोटा है</translation>
    </message>
    <message>
        <source>it needs a mix of letters, digits and symbols</source>
        <translation>इसमें अक्षर, अंक और चिह्न मिले-जुले होने चाहिए</translation>
    </message>
    <message>
        <source>it has appeared in a known data breach</source>
        <translation>यह किसी ज्ञात डेटा लीक में सामने आ चुका है</translation>
    </message>
    <message>
        <source>The email address or password is not correct.</source>
        <translation>ईमेल पता या पासवर्ड सही नहीं है।</translation>
    </message>
    <message>
        <source>Please confirm your email address first: open the link in the email we sent you.</source>
        <translation>कृपया पहले अपने ईमेल पते की पुष्टि करें: हमारे भेजे ईमेल में दिया लिंक खोलें।</translation>
    </message>
    <message>
        <source>Please confirm your phone number first.</source>
        <translation>कृपया पहले अपने फ़ोन नंबर की पुष्टि करें।</translation>
    </message>
    <message>
        <source>This account has been blocked. Please contact support.</source>
        <translation>यह खाता ब्लॉक कर दिया गया है। कृपया सहायता टीम से संपर्क करें।</translation>
    </message>
    <message>
        <source>This account no longer exists. Please sign in again.</source>
        <translation>यह खाता अब मौजूद नहीं है। कृपया फिर से साइन इन करें।</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a minute and try again.</source>
        <translation>बहुत ज़्यादा कोशिशें हो गईं। कृपया एक मिनट रुककर फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Too many emails were requested. Please wait a little before asking for another one.</source>
        <translation>बहुत ज़्यादा ईमेल माँगे गए। दूसरा ईमेल माँगने से पहले कृपया थोड़ी देर रुकें।</translation>
    </message>
    <message>
        <source>Please choose a stronger password.</source>
        <translation>कृपया ज़्यादा मज़बूत पासवर्ड चुनें।</translation>
    </message>
    <message>
        <source>An account with this email address already exists. Please sign in.</source>
        <translation>इस ईमेल पते से एक खाता पहले से मौजूद है। कृपया साइन इन करें।</translation>
    </message>
    <message>
        <source>An account with this email address already exists.</source>
        <translation>इस ईमेल पते से एक खाता पहले से मौजूद है।</translation>
    </message>
    <message>
        <source>New accounts cannot be created at the moment.</source>
        <translation>अभी नए खाते नहीं बनाए जा सकते।</translation>
    </message>
    <message>
        <source>Signing in with email is turned off for this service.</source>
        <translation>इस सेवा के लिए ईमेल से साइन इन बंद है।</translation>
    </message>
    <message>
        <source>Please enter a valid email address.</source>
        <translation>कृपया सही ईमेल पता डालें।</translation>
    </message>
    <message>
        <source>Emails cannot be sent to this address.</source>
        <translation>इस पते पर ईमेल नहीं भेजे जा सकते।</translation>
    </message>
    <message>
        <source>Some of the details entered are not valid.</source>
        <translation>डाली गई कुछ जानकारी सही नहीं है।</translation>
    </message>
    <message>
        <source>You have been signed out. Please sign in again.</source>
        <translation>आप साइन आउट हो गए हैं। कृपया फिर से साइन इन करें।</translation>
    </message>
    <message>
        <source>You have been signed out for your security. Please sign in again.</source>
        <translation>आपकी सुरक्षा के लिए आपको साइन आउट कर दिया गया है। कृपया फिर से साइन इन करें।</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>आपका सत्र समाप्त हो गया है। कृपया फिर से साइन इन करें।</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>आपके सत्र की समय-सीमा खत्म हो गई है। कृपया फिर से साइन इन करें।</translation>
    </message>
    <message>
        <source>Your session needs to be renewed. Please try again.</source>
        <translation>आपके सत्र को नया करना ज़रूरी है। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Please confirm your identity with your second factor.</source>
        <translation>कृपया दूसरे चरण के सत्यापन से अपनी पहचान की पुष्टि करें।</translation>
    </message>
    <message>
        <source>The verification code is not correct.</source>
        <translation>सत्यापन कोड सही नहीं है।</translation>
    </message>
    <message>
        <source>The verification code has expired. Please try again.</source>
        <translation>सत्यापन कोड की समय-सीमा खत्म हो गई है। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The server is busy. Trying again shortly.</source>
        <translation>सर्वर व्यस्त है। थोड़ी देर में फिर से कोशिश की जाएगी।</translation>
    </message>
    <message>
        <source>The sign-in service took too long to answer. Trying again shortly.</source>
        <translation>साइन-इन सेवा ने जवाब देने में बहुत देर लगाई। थोड़ी देर में फिर से कोशिश की जाएगी।</translation>
    </message>
    <message>
        <source>The sign-in service cannot be reached. Check your internet connection.</source>
        <translation>साइन-इन सेवा से संपर्क नहीं हो पा रहा है। अपना इंटरनेट कनेक्शन जाँचें।</translation>
    </message>
    <message>
        <source>The sign-in service had a problem. Please try again shortly.</source>
        <translation>साइन-इन सेवा में कोई समस्या आई। कृपया थोड़ी देर में फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>This app is not set up correctly for the sign-in service.</source>
        <translation>यह ऐप साइन-इन सेवा के लिए सही तरह से सेट नहीं है।</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>आप साइन इन नहीं हैं।</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>आपने साइन आउट कर दिया है।</translation>
    </message>
    <message>
        <source>Another copy of the app is renewing your session. Trying again shortly.</source>
        <translation>ऐप की दूसरी कॉपी आपका सत्र नया कर रही है। थोड़ी देर में फिर से कोशिश की जाएगी।</translation>
    </message>
    <message>
        <source>Signing in did not work. Please try again.</source>
        <translation>साइन इन नहीं हो सका। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The assistant service has reached its usage limit. Please try again later or contact your administrator.</source>
        <translation>सहायक सेवा अपनी उपयोग सीमा तक पहुँच गई है। कृपया बाद में कोशिश करें या अपने एडमिनिस्ट्रेटर से संपर्क करें।</translation>
    </message>
    <message>
        <source>The assistant is busy right now. Please wait a moment and try again.</source>
        <translation>सहायक अभी व्यस्त है। कृपया थोड़ा रुककर फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Could not reach the assistant service. Check your internet connection and try again.</source>
        <translation>सहायक सेवा से संपर्क नहीं हो सका। अपना इंटरनेट कनेक्शन जाँचें और फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The assistant service took too long to respond. Please try again.</source>
        <translation>सहायक सेवा ने जवाब देने में बहुत देर लगाई। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The assistant stopped responding. Please try again.</source>
        <translation>सहायक ने जवाब देना बंद कर दिया। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The answer was cut off before it finished. Please try again.</source>
        <translation>जवाब पूरा होने से पहले ही कट गया। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The assistant could not finish this answer. Please try again.</source>
        <translation>सहायक यह जवाब पूरा नहीं कर सका। कृपया फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The assistant&apos;s language model is unavailable right now. Please try again later.</source>
        <translation>सहायक का भाषा मॉडल अभी उपलब्ध नहीं है। कृपया बाद में फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The assistant service rejected the app key. Ask your administrator to check the Dify app key in the settings.</source>
        <translation>सहायक सेवा ने ऐप कुंजी स्वीकार नहीं की। अपने एडमिनिस्ट्रेटर से सेटिंग्स में Dify ऐप कुंजी जाँचने को कहें।</translation>
    </message>
    <message>
        <source>The assistant app is disabled or not available to this application.</source>
        <translation>सहायक ऐप बंद है या इस ऐप्लिकेशन के लिए उपलब्ध नहीं है।</translation>
    </message>
    <message>
        <source>This conversation or message no longer exists on the assistant service. It may have been deleted.</source>
        <translation>यह बातचीत या संदेश अब सहायक सेवा पर मौजूद नहीं है। हो सकता है इसे हटा दिया गया हो।</translation>
    </message>
    <message>
        <source>The assistant service is having problems right now. Please try again shortly.</source>
        <translation>सहायक सेवा में अभी कुछ समस्या है। कृपया थोड़ी देर में फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The assistant service sent a response this app could not understand.</source>
        <translation>सहायक सेवा ने ऐसा जवाब भेजा जिसे यह ऐप समझ नहीं सका।</translation>
    </message>
    <message>
        <source>The assistant service could not handle this request.</source>
        <translation>सहायक सेवा यह अनुरोध पूरा नहीं कर सकी।</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Signing in…</source>
        <extracomment>Failed unlock attempts allowed before each further attempt waits (seconds, doubling). Files of a profile that stay when a shared workstation wipes it on sign-out.</extracomment>
        <translation>साइन इन हो रहा है…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>साइन आउट</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly.</source>
        <translation>साइन इन अचानक विफल हो गया।</translation>
    </message>
    <message>
        <source>Creating an account is not available here.</source>
        <translation>यहाँ खाता बनाने की सुविधा उपलब्ध नहीं है।</translation>
    </message>
    <message>
        <source>If this address is new, check your email and open the link to confirm your account. If you already have an account, sign in or reset your password.</source>
        <translation>अगर यह पता नया है, तो अपना ईमेल देखें और खाते की पुष्टि के लिए लिंक खोलें। अगर आपका खाता पहले से है, तो साइन इन करें या अपना पासवर्ड रीसेट करें।</translation>
    </message>
    <message>
        <source>Check your email and open the link to confirm your account, then sign in.</source>
        <translation>अपना ईमेल देखें और खाते की पुष्टि के लिए लिंक खोलें, फिर साइन इन करें।</translation>
    </message>
    <message>
        <source>Resetting the password is not available here.</source>
        <translation>यहाँ पासवर्ड रीसेट करने की सुविधा उपलब्ध नहीं है।</translation>
    </message>
    <message>
        <source>If an account exists for this address, we have sent it an email with a link to choose a new password.</source>
        <translation>अगर इस पते से कोई खाता है, तो हमने उस पर नया पासवर्ड चुनने के लिंक के साथ एक ईमेल भेजा है।</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>पासवर्ड सही नहीं है।</translation>
    </message>
    <message>
        <source>This is not the account that is signed in.</source>
        <translation>यह वह खाता नहीं है जिससे साइन इन किया गया है।</translation>
    </message>
    <message>
        <source>Your password cannot be checked without an internet connection on this computer. Connect to the internet and try again, or sign out.</source>
        <translation>इस कंप्यूटर पर इंटरनेट कनेक्शन के बिना आपका पासवर्ड जाँचा नहीं जा सकता। इंटरनेट से जुड़कर फिर से कोशिश करें, या साइन आउट करें।</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>Waiting for your verification code</source>
        <translation>आपके सत्यापन कोड की प्रतीक्षा है</translation>
    </message>
    <message>
        <source>This is a shared workstation: your sign-in is not remembered and your data is removed from this computer when you sign out.</source>
        <translation>यह एक साझा कंप्यूटर है: आपका साइन-इन याद नहीं रखा जाता और साइन आउट करने पर आपका डेटा इस कंप्यूटर से हटा दिया जाता है।</translation>
    </message>
    <message>
        <source>Your sign-in will not be remembered: this computer has no secure password storage (keyring) available, so you will need to sign in again next time.</source>
        <translation>आपका साइन-इन याद नहीं रखा जाएगा: इस कंप्यूटर पर पासवर्ड सुरक्षित रखने की जगह (कीरिंग) उपलब्ध नहीं है, इसलिए अगली बार आपको फिर से साइन इन करना होगा।</translation>
    </message>
</context>
<context>
    <name>SessionUi</name>
    <message>
        <source>Account</source>
        <translation>खाता</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>अभी लॉक करें</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>साइन आउट करें</translation>
    </message>
    <message>
        <source>Locked — Health Companion</source>
        <translation>लॉक है — Health Companion</translation>
    </message>
    <message>
        <source>Sign-in not remembered on this computer</source>
        <translation>इस कंप्यूटर पर साइन-इन याद नहीं रखा गया</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be saved to the server yet and will be lost if you sign out now.</source>
        <translation>
            <numerusform>%n बदलाव अभी तक सर्वर पर सहेजा नहीं जा सका है और अभी साइन आउट करने पर खो जाएगा।</numerusform>
            <numerusform>%n बदलाव अभी तक सर्वर पर सहेजे नहीं जा सके हैं और अभी साइन आउट करने पर खो जाएँगे।</numerusform>
        </translation>
    </message>
    <message>
        <source>Some changes may not have been saved to the server yet.</source>
        <translation>हो सकता है कुछ बदलाव अभी तक सर्वर पर सहेजे न गए हों।</translation>
    </message>
    <message>
        <source>Sign out anyway</source>
        <translation>फिर भी साइन आउट करें</translation>
    </message>
    <message>
        <source>Unlocking needs an internet connection on this computer. You can always sign out.</source>
        <translation>अनलॉक करने के लिए इस कंप्यूटर पर इंटरनेट कनेक्शन चाहिए। आप कभी भी साइन आउट कर सकते हैं।</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Send the message</source>
        <translation>संदेश भेजें</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>संदेश में नई पंक्ति</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>अगला या पिछला नियंत्रण</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation>चुनी हुई बातचीत खोलें</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>डायलॉग बंद करें</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>काम</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>कुंजियाँ</translation>
    </message>
    <message>
        <source>Each action and the keys that run it</source>
        <translation>हर काम और उसे चलाने वाली कुंजियाँ</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>सब चुनें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Form title</source>
        <extracomment>GoTrue&apos;s floor for a password length and its hard limit in bytes.</extracomment>
        <translation>फ़ॉर्म का शीर्षक</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Enter an email address like name@example.org.</source>
        <translation>name@example.org जैसा ईमेल पता डालें।</translation>
    </message>
    <message>
        <source>Email problem</source>
        <translation>ईमेल में समस्या</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>पासवर्ड दोबारा डालें</translation>
    </message>
    <message>
        <source>Password problem</source>
        <translation>पासवर्ड में समस्या</translation>
    </message>
    <message>
        <source>Password rules</source>
        <translation>पासवर्ड के नियम</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>सत्यापन कोड</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>सूचना</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>साइन-इन में समस्या</translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation>दूसरा खाता इस्तेमाल करें</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>पासवर्ड भूल गए?</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>खाता बनाएँ</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>साइन इन पर वापस जाएँ</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>ईमेल (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>पासवर्ड (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>पासवर्ड दोबारा (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>कोड (&amp;C)</translation>
    </message>
    <message>
        <source>Sign in to Health Companion</source>
        <translation>Health Companion में साइन इन करें</translation>
    </message>
    <message>
        <source>Create a Health Companion account</source>
        <translation>Health Companion खाता बनाएँ</translation>
    </message>
    <message>
        <source>Reset your password</source>
        <translation>अपना पासवर्ड रीसेट करें</translation>
    </message>
    <message>
        <source>Enter your verification code</source>
        <translation>अपना सत्यापन कोड डालें</translation>
    </message>
    <message>
        <source>Open your authenticator app and enter the code it shows for this account.</source>
        <translation>अपना ऑथेंटिकेटर ऐप खोलें और इस खाते के लिए दिखाया गया कोड डालें।</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>साइन इन करें</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>खाता बनाएँ</translation>
    </message>
    <message>
        <source>Send reset link</source>
        <translation>रीसेट लिंक भेजें</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>सत्यापित करें</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>साइन इन हो रहा है…</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>खाता बनाया जा रहा है…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>भेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>At least {0} characters; longer is stronger.</source>
        <translation>कम से कम {0} अक्षर; जितना लंबा, उतना मज़बूत।</translation>
    </message>
    <message>
        <source>A mix of lower- and upper-case letters, digits and symbols.</source>
        <translation>छोटे और बड़े अक्षर, अंक और चिह्न मिलाकर।</translation>
    </message>
    <message>
        <source>Not a password that has appeared in a known data breach.</source>
        <translation>ऐसा पासवर्ड नहीं जो किसी ज्ञात डेटा लीक में सामने आ चुका हो।</translation>
    </message>
    <message>
        <source>The password needs at least {0} characters.</source>
        <translation>पासवर्ड में कम से कम {0} अक्षर होने चाहिए।</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>पासवर्ड बहुत लंबा है।</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>दोनों पासवर्ड एक जैसे नहीं हैं।</translation>
    </message>
</context>
<context>
    <name>SuggestionsBar</name>
    <message>
        <source>Try asking:</source>
        <translation>यह पूछकर देखें:</translation>
    </message>
    <message>
        <source>Suggested questions</source>
        <translation>सुझाए गए सवाल</translation>
    </message>
    <message>
        <source>Ask: {0}</source>
        <translation>पूछें: {0}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>{0} (details are in the log)</source>
        <translation>{0} (विवरण लॉग में है)</translation>
    </message>
</context>
<context>
    <name>ThreadListView</name>
    <message>
        <source>Conversations</source>
        <translation>बातचीत</translation>
    </message>
    <message>
        <source>Your conversations, newest first. Enter opens, F2 renames, Delete deletes.</source>
        <translation>आपकी बातचीत, सबसे नई पहले। Enter से खोलें, F2 से नाम बदलें, Delete से हटाएँ।</translation>
    </message>
</context>
<context>
    <name>ThreadsController</name>
    <message>
        <source>New chat</source>
        <translation>नई चैट</translation>
    </message>
    <message>
        <source>A change was not saved: the conversation was deleted elsewhere.</source>
        <translation>एक बदलाव सहेजा नहीं गया: बातचीत कहीं और हटा दी गई थी।</translation>
    </message>
    <message>
        <source>The server refused a change. It is kept on this computer only.</source>
        <translation>सर्वर ने एक बदलाव स्वीकार नहीं किया। यह सिर्फ़ इस कंप्यूटर पर रखा गया है।</translation>
    </message>
    <message>
        <source>A change could not be saved to the server and was dropped.</source>
        <translation>एक बदलाव सर्वर पर सहेजा नहीं जा सका और छोड़ दिया गया।</translation>
    </message>
    <message>
        <source>Conversation archived.</source>
        <translation>बातचीत संग्रहित की गई।</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>पहले साइन इन करें।</translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation>वह बातचीत अब मौजूद नहीं है।</translation>
    </message>
</context>
<context>
    <name>VoiceController</name>
    <message>
        <source>The microphone is not available.</source>
        <translation>माइक्रोफ़ोन उपलब्ध नहीं है।</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>कुछ भी रिकॉर्ड नहीं हुआ।</translation>
    </message>
    <message>
        <source>The recording failed.</source>
        <translation>रिकॉर्डिंग नहीं हो सकी।</translation>
    </message>
    <message>
        <source>No speech was recognised. Try again a little closer.</source>
        <translation>कोई आवाज़ पहचानी नहीं गई। माइक्रोफ़ोन के थोड़ा पास आकर फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The recording is too long. Keep it to a few minutes.</source>
        <translation>रिकॉर्डिंग बहुत लंबी है। इसे कुछ मिनट तक ही रखें।</translation>
    </message>
    <message>
        <source>The assistant could not use this recording.</source>
        <translation>सहायक इस रिकॉर्डिंग का इस्तेमाल नहीं कर सका।</translation>
    </message>
    <message>
        <source>The assistant&apos;s speech service cannot turn speech into text.</source>
        <translation>सहायक की आवाज़ सेवा बोली को लिखे हुए शब्दों में नहीं बदल सकती।</translation>
    </message>
    <message>
        <source>Your speech could not be turned into text. {reason}</source>
        <translation>आपकी बोली को लिखे हुए शब्दों में नहीं बदला जा सका। {reason}</translation>
    </message>
    <message>
        <source>There is nothing to read aloud in this answer.</source>
        <translation>इस जवाब में पढ़कर सुनाने के लिए कुछ नहीं है।</translation>
    </message>
    <message>
        <source>The answer could not be read aloud. {reason}</source>
        <translation>जवाब पढ़कर सुनाया नहीं जा सका। {reason}</translation>
    </message>
    <message>
        <source>The audio could not be played.</source>
        <translation>ऑडियो चलाया नहीं जा सका।</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>पहले साइन इन करें।</translation>
    </message>
</context>
<context>
    <name>VoiceSupport</name>
    <message>
        <source>Voice input and reading answers aloud need the optional voice component, which is not installed.</source>
        <translation>बोलकर लिखने और उत्तर पढ़कर सुनाने के लिए वैकल्पिक वॉइस घटक चाहिए, जो इंस्टॉल नहीं है।</translation>
    </message>
    <message>
        <source>No microphone was found.</source>
        <translation>कोई माइक्रोफ़ोन नहीं मिला।</translation>
    </message>
    <message>
        <source>The recording did not finish.</source>
        <translation>रिकॉर्डिंग पूरी नहीं हुई।</translation>
    </message>
    <message>
        <source>The recording failed.</source>
        <translation>रिकॉर्डिंग नहीं हो सकी।</translation>
    </message>
    <message>
        <source>The audio could not be played.</source>
        <translation>ऑडियो चलाया नहीं जा सका।</translation>
    </message>
</context>
<context>
    <name>VoiceUi</name>
    <message>
        <source>Speak</source>
        <translation>बोलें</translation>
    </message>
    <message>
        <source>Dictate a message</source>
        <translation>बोलकर संदेश लिखवाएँ</translation>
    </message>
    <message>
        <source>Record your question; the text appears in the message box to check.</source>
        <translation>अपना सवाल रिकॉर्ड करें; जाँचने के लिए उसका लिखित रूप संदेश बॉक्स में दिखेगा।</translation>
    </message>
    <message>
        <source>Dictate (Ctrl+Shift+M)</source>
        <translation>बोलकर लिखवाएँ (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>पढ़ना रोकें</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>पढ़कर सुनाना रोकें</translation>
    </message>
    <message>
        <source>Read the last answer aloud</source>
        <translation>आख़िरी जवाब पढ़कर सुनाएँ</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>पढ़कर सुनाएँ</translation>
    </message>
    <message>
        <source>Stop and transcribe</source>
        <translation>रोकें और लिखित रूप बनाएँ</translation>
    </message>
    <message>
        <source>Transcribing…</source>
        <translation>लिखित रूप बन रहा है…</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>रिकॉर्डिंग रोकें</translation>
    </message>
    <message>
        <source>Preparing audio… (stop)</source>
        <translation>ऑडियो तैयार हो रहा है… (रोकें)</translation>
    </message>
</context>
</TS>
