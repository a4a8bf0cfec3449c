<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bn_BD">
<context>
    <name>AboutBox</name>
    <message>
        <source>About Health Companion</source>
        <translation>Health Companion সম্পর্কে</translation>
    </message>
    <message>
        <source>Health Companion {version}</source>
        <translation>Health Companion {version}</translation>
    </message>
    <message>
        <source>A desktop companion for health questions. It does not replace a clinician; in an emergency call your local emergency number.</source>
        <translation>স্বাস্থ্য বিষয়ক প্রশ্নের জন্য একটি ডেস্কটপ সঙ্গী। এটি চিকিৎসকের বিকল্প নয়; জরুরি অবস্থায় আপনার স্থানীয় জরুরি নম্বরে ফোন করুন।</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>Answer: {text}</source>
        <translation>উত্তর: {text}</translation>
    </message>
    <message>
        <source>The answer was stopped.</source>
        <translation>উত্তর থামানো হয়েছে।</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>উত্তর মাঝপথে থেমে গেছে।</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>বার্তা পাঠানো যায়নি।</translation>
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
        <translation>আপনার উত্তর তৈরি: {title}</translation>
    </message>
    <message>
        <source>Your answer is ready</source>
        <translation>আপনার উত্তর তৈরি</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Attachment {name}</source>
        <translation>সংযুক্ত ফাইল {name}</translation>
    </message>
    <message>
        <source>Preview of {name}</source>
        <translation>{name}-এর প্রিভিউ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ফাইল</translation>
    </message>
    <message>
        <source>Upload progress of {name}</source>
        <translation>{name} আপলোডের অগ্রগতি</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>সরান</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} সরান</translation>
    </message>
    <message>
        <source>Uploading… {size}</source>
        <translation>আপলোড হচ্ছে… {size}</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>পাঠানো হয়নি</translation>
    </message>
    <message>
        <source>{size} · uploaded</source>
        <translation>{size} · আপলোড হয়েছে</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Attached files</source>
        <translation>সংযুক্ত ফাইল</translation>
    </message>
</context>
<context>
    <name>AttachmentsController</name>
    <message>
        <source>This assistant does not accept files.</source>
        <translation>এই সহকারী ফাইল গ্রহণ করে না।</translation>
    </message>
    <message numerus="yes">
        <source>You can attach at most %n file(s) to one message.</source>
        <translation>
            <numerusform>একটি বার্তায় সর্বোচ্চ %nটি ফাইল যুক্ত করা যায়।</numerusform>
            <numerusform>একটি বার্তায় সর্বোচ্চ %nটি ফাইল যুক্ত করা যায়।</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” is already attached.</source>
        <translation>“{name}” আগেই যুক্ত করা আছে।</translation>
    </message>
    <message>
        <source>“{name}” could not be read.</source>
        <translation>“{name}” পড়া যায়নি।</translation>
    </message>
    <message>
        <source>“{name}” is not a file.</source>
        <translation>“{name}” কোনো ফাইল নয়।</translation>
    </message>
    <message>
        <source>The assistant does not accept files like “{name}”.</source>
        <translation>সহকারী “{name}”-এর মতো ফাইল গ্রহণ করে না।</translation>
    </message>
    <message>
        <source>“{name}” is {size}; the assistant accepts up to {limit}.</source>
        <translation>“{name}”-এর আকার {size}; সহকারী সর্বোচ্চ {limit} পর্যন্ত গ্রহণ করে।</translation>
    </message>
    <message>
        <source>“{name}” is empty.</source>
        <translation>“{name}” ফাঁকা।</translation>
    </message>
    <message>
        <source>“{name}” is larger than the assistant accepts.</source>
        <translation>“{name}” সহকারীর গ্রহণযোগ্য আকারের চেয়ে বড়।</translation>
    </message>
    <message>
        <source>The assistant does not accept “{name}”.</source>
        <translation>সহকারী “{name}” গ্রহণ করে না।</translation>
    </message>
    <message>
        <source>Files have to be sent one at a time.</source>
        <translation>ফাইল একটি একটি করে পাঠাতে হবে।</translation>
    </message>
    <message>
        <source>The assistant could not store “{name}” right now. Try again.</source>
        <translation>সহকারী এই মুহূর্তে “{name}” সংরক্ষণ করতে পারেনি। আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>“{name}” could not be uploaded. {reason}</source>
        <translation>“{name}” আপলোড করা যায়নি। {reason}</translation>
    </message>
</context>
<context>
    <name>AttachmentsUi</name>
    <message>
        <source>Attach…</source>
        <translation>যুক্ত করুন…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>একটি ফাইল যুক্ত করুন</translation>
    </message>
    <message>
        <source>Add a photo or document to send with your next message.</source>
        <translation>পরের বার্তার সঙ্গে পাঠাতে একটি ছবি বা নথি যুক্ত করুন।</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>একটি ফাইল যুক্ত করুন…</translation>
    </message>
    <message numerus="yes">
        <source>Attach up to %n file(s) (Ctrl+Shift+A)</source>
        <translation>
            <numerusform>সর্বোচ্চ %nটি ফাইল যুক্ত করুন (Ctrl+Shift+A)</numerusform>
            <numerusform>সর্বোচ্চ %nটি ফাইল যুক্ত করুন (Ctrl+Shift+A)</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach files (Ctrl+Shift+A)</source>
        <translation>ফাইল যুক্ত করুন (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>ফাইল যুক্ত করুন</translation>
    </message>
    <message>
        <source>Files the assistant accepts ({patterns})</source>
        <translation>সহকারী যে ফাইল গ্রহণ করে ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>সব ফাইল (*)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Signed in</source>
        <translation>সাইন ইন করা হয়েছে</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>সাইন ইন ব্যর্থ</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>সাইন আউট করা হয়েছে</translation>
    </message>
    <message>
        <source>Session ended by the server</source>
        <translation>সার্ভার সেশন শেষ করেছে</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>লক করা হয়েছে</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>আনলক করা হয়েছে</translation>
    </message>
    <message>
        <source>Unlock failed</source>
        <translation>আনলক ব্যর্থ</translation>
    </message>
    <message>
        <source>Conversation exported</source>
        <translation>কথোপকথন এক্সপোর্ট করা হয়েছে</translation>
    </message>
    <message>
        <source>Conversation printed</source>
        <translation>কথোপকথন প্রিন্ট করা হয়েছে</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>কথোপকথন মুছে ফেলা হয়েছে</translation>
    </message>
    <message>
        <source>Local data erased</source>
        <translation>এই কম্পিউটারের তথ্য মুছে ফেলা হয়েছে</translation>
    </message>
    <message>
        <source>Security log exported</source>
        <translation>নিরাপত্তা লগ এক্সপোর্ট করা হয়েছে</translation>
    </message>
    <message>
        <source>Security log</source>
        <translation>নিরাপত্তা লগ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>সময়</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>ঘটনা</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>কথোপকথন</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>ফলাফল</translation>
    </message>
    <message>
        <source>Security events</source>
        <translation>নিরাপত্তা সংক্রান্ত ঘটনা</translation>
    </message>
    <message>
        <source>Sign-ins, locks, exports and deletions on this computer, newest first.</source>
        <translation>এই কম্পিউটারে সাইন-ইন, লক, এক্সপোর্ট ও মুছে ফেলার ঘটনা, নতুনগুলো আগে।</translation>
    </message>
    <message>
        <source>Security log status</source>
        <translation>নিরাপত্তা লগের অবস্থা</translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <translation>অখণ্ডতা যাচাই করুন (&amp;V)</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>অখণ্ডতা যাচাই করুন</translation>
    </message>
    <message>
        <source>Checks that no event was changed, removed or reordered.</source>
        <translation>যাচাই করে যে কোনো ঘটনা বদলানো, মুছে ফেলা বা ক্রম বদলানো হয়নি।</translation>
    </message>
    <message>
        <source>&amp;Export for IT…</source>
        <translation>IT-এর জন্য এক্সপোর্ট করুন… (&amp;E)</translation>
    </message>
    <message>
        <source>Export for IT</source>
        <translation>IT-এর জন্য এক্সপোর্ট করুন</translation>
    </message>
    <message>
        <source>No security events have been recorded yet.</source>
        <translation>এখনও কোনো নিরাপত্তা সংক্রান্ত ঘটনা লেখা হয়নি।</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>যাচাই করা হচ্ছে…</translation>
    </message>
    <message>
        <source>Intact: all {count} events are unchanged and in order.</source>
        <translation>অক্ষত: সব {count}টি ঘটনা অপরিবর্তিত ও ঠিক ক্রমে আছে।</translation>
    </message>
    <message>
        <source>The security log could not be read.</source>
        <translation>নিরাপত্তা লগ পড়া যায়নি।</translation>
    </message>
    <message>
        <source>Broken: the log was changed at line {line} of {file} (after {count} intact events).</source>
        <translation>ক্ষতিগ্রস্ত: {file}-এর {line} নম্বর লাইনে লগ বদলানো হয়েছে ({count}টি অক্ষত ঘটনার পরে)।</translation>
    </message>
    <message>
        <source>Export security log</source>
        <translation>নিরাপত্তা লগ এক্সপোর্ট করুন</translation>
    </message>
    <message>
        <source>Security log (*.jsonl)</source>
        <translation>নিরাপত্তা লগ (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>এক্সপোর্ট হচ্ছে…</translation>
    </message>
    <message>
        <source>Exported {count} events.</source>
        <translation>{count}টি ঘটনা এক্সপোর্ট করা হয়েছে।</translation>
    </message>
    <message>
        <source>The security log could not be exported.</source>
        <translation>নিরাপত্তা লগ এক্সপোর্ট করা যায়নি।</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>সাহায্য (&amp;H)</translation>
    </message>
    <message>
        <source>Security log…</source>
        <translation>নিরাপত্তা লগ…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notice</source>
        <translation>বিজ্ঞপ্তি</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>সরান</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>বিজ্ঞপ্তি সরান</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>Sign in to send messages.</source>
        <translation>বার্তা পাঠাতে সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or stop it first.</source>
        <translation>উত্তর শেষ হওয়া পর্যন্ত অপেক্ষা করুন, বা আগে সেটি থামান।</translation>
    </message>
    <message>
        <source>The answer could not be completed.</source>
        <translation>উত্তর সম্পূর্ণ করা যায়নি।</translation>
    </message>
    <message>
        <source>That conversation is no longer available.</source>
        <translation>ওই কথোপকথন আর পাওয়া যাচ্ছে না।</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>আগে সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>আগে একটি বার্তা লিখুন।</translation>
    </message>
    <message>
        <source>Messages can be at most 10,000 characters; this one has {0}.</source>
        <translation>একটি বার্তায় সর্বোচ্চ ১০,০০০ অক্ষর থাকতে পারে; এটিতে আছে {0}।</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>কথোপকথন</translation>
    </message>
    <message>
        <source>Questions and the assistant&apos;s answers</source>
        <translation>প্রশ্ন ও সহকারীর উত্তর</translation>
    </message>
    <message>
        <source>Attached: {0}</source>
        <translation>সংযুক্ত: {0}</translation>
    </message>
    <message>
        <source>Sources: {0}</source>
        <translation>উৎস: {0}</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>ভাবছে…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>থামানো হয়েছে।</translation>
    </message>
    <message>
        <source>The answer was interrupted.</source>
        <translation>উত্তর মাঝপথে থেমে গেছে।</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>বার্তা পাঠানো যায়নি।</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>কপি করুন</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>আবার চেষ্টা করুন</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>সহায়ক</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>সহায়ক নয়</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Ask a health question…  (Enter sends, Shift+Enter: new line)</source>
        <translation>স্বাস্থ্য বিষয়ক প্রশ্ন করুন…  (Enter চাপলে পাঠানো হবে, Shift+Enter: নতুন লাইন)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>বার্তা</translation>
    </message>
    <message>
        <source>Type your question. Enter sends it, Shift+Enter starts a new line.</source>
        <translation>আপনার প্রশ্ন লিখুন। Enter চাপলে পাঠানো হবে, Shift+Enter চাপলে নতুন লাইন শুরু হবে।</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>ব্যবহৃত অক্ষর</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>পাঠান</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>বার্তা পাঠান</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>থামান</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>উত্তর থামান</translation>
    </message>
    <message>
        <source>{0} — too long</source>
        <translation>{0} — অনেক বড়</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Emergency</source>
        <translation>জরুরি অবস্থা</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>জরুরি নম্বর</translation>
    </message>
    <message>
        <source>If you or someone else may be in danger, call {number} now, or the local emergency number where you are. This app cannot call for help, and the assistant is not able to help in an emergency.</source>
        <translation>আপনি বা অন্য কেউ বিপদে থাকতে পারেন মনে হলে এখনই {number} নম্বরে ফোন করুন, অথবা আপনি যেখানে আছেন সেখানকার স্থানীয় জরুরি নম্বরে। এই অ্যাপ সাহায্যের জন্য ফোন করতে পারে না, আর জরুরি অবস্থায় সহকারী সাহায্য করতে পারে না।</translation>
    </message>
    <message>
        <source>What to do in an emergency</source>
        <translation>জরুরি অবস্থায় কী করবেন</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>বন্ধ করুন</translation>
    </message>
</context>
<context>
    <name>Essentials</name>
    <message>
        <source>Clear the search</source>
        <translation>খোঁজ মুছে দিন</translation>
    </message>
    <message>
        <source>Notice action</source>
        <translation>বিজ্ঞপ্তির কাজ</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>আরও মেনু</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>পছন্দসমূহ…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>বড় করুন</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>ছোট করুন</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>আসল আকার</translation>
    </message>
    <message>
        <source>Next area</source>
        <translation>পরের অংশ</translation>
    </message>
    <message>
        <source>Previous area</source>
        <translation>আগের অংশ</translation>
    </message>
    <message>
        <source>Go to the message box</source>
        <translation>বার্তার ঘরে যান</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>কিবোর্ড শর্টকাট</translation>
    </message>
    <message>
        <source>About Health Companion</source>
        <translation>Health Companion সম্পর্কে</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ফাইল (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>দেখুন (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>সাহায্য (&amp;H)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>You</source>
        <translation>আপনি</translation>
    </message>
    <message>
        <source>Health Companion</source>
        <translation>Health Companion</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>কথোপকথন</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>শুরু হয়েছে</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>সর্বশেষ পরিবর্তন</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>এক্সপোর্ট করা হয়েছে</translation>
    </message>
    <message>
        <source>Only the copy saved on this computer could be read; parts may be missing.</source>
        <translation>শুধু এই কম্পিউটারে সংরক্ষিত কপিটি পড়া গেছে; কিছু অংশ বাদ পড়ে থাকতে পারে।</translation>
    </message>
</context>
<context>
    <name>ExportUi</name>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown হিসেবে এক্সপোর্ট করুন…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>PDF হিসেবে এক্সপোর্ট করুন…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>প্রিন্ট করুন…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ফাইল (&amp;F)</translation>
    </message>
    <message>
        <source>Open a conversation to export or print it.</source>
        <translation>এক্সপোর্ট বা প্রিন্ট করতে একটি কথোপকথন খুলুন।</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown ফাইল (*.md)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF ফাইল (*.pdf)</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>কথোপকথন এক্সপোর্ট করুন</translation>
    </message>
    <message>
        <source>The file could not be saved ({reason}).</source>
        <translation>ফাইলটি সংরক্ষণ করা যায়নি ({reason})।</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>প্রিন্টারে পাঠানো হয়েছে।</translation>
    </message>
    <message>
        <source>Conversation exported.</source>
        <translation>কথোপকথন এক্সপোর্ট করা হয়েছে।</translation>
    </message>
</context>
<context>
    <name>FirstRunNotice</name>
    <message>
        <source>Before you start</source>
        <translation>শুরু করার আগে</translation>
    </message>
    <message>
        <source>Health Companion gives general health information. It is not a substitute for advice, diagnosis or treatment from a doctor, nurse or pharmacist, and it cannot judge how urgent something is.

In an emergency, call your local emergency number ({number}) now. The Emergency? button and F9 show this number at any time.</source>
        <translation>Health Companion স্বাস্থ্য বিষয়ে সাধারণ তথ্য দেয়। এটি চিকিৎসক, নার্স বা ফার্মাসিস্টের পরামর্শ, রোগনির্ণয় বা চিকিৎসার বিকল্প নয়, এবং কোনো সমস্যা কতটা জরুরি তা বিচার করতে পারে না।

জরুরি অবস্থায় এখনই আপনার স্থানীয় জরুরি নম্বরে ({number}) ফোন করুন। “জরুরি?” বোতাম ও F9 যেকোনো সময় এই নম্বরটি দেখায়।</translation>
    </message>
    <message>
        <source>About the health information in this app</source>
        <translation>এই অ্যাপের স্বাস্থ্য তথ্য সম্পর্কে</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>আমি বুঝেছি</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>লক করা আছে</translation>
    </message>
    <message>
        <source>Health Companion is locked</source>
        <translation>Health Companion লক করা আছে</translation>
    </message>
    <message>
        <source>Signed-in account</source>
        <translation>সাইন ইন করা অ্যাকাউন্ট</translation>
    </message>
    <message>
        <source>Unlock information</source>
        <translation>আনলক করার তথ্য</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>পাসওয়ার্ড</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>আনলক করতে সমস্যা</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>আনলক করুন</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>সাইন আউট করুন</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>{0} হিসেবে সাইন ইন করা আছে</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>যাচাই করা হচ্ছে…</translation>
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
        <translation>নতুন চ্যাট</translation>
    </message>
    <message>
        <source>Start a new chat</source>
        <translation>নতুন চ্যাট শুরু করুন</translation>
    </message>
    <message>
        <source>Search conversations (Ctrl+F)</source>
        <translation>কথোপকথন খুঁজুন (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>কথোপকথন খুঁজুন</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>কথোপকথন</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>আর্কাইভ করা</translation>
    </message>
    <message>
        <source>Show active or archived conversations</source>
        <translation>চালু বা আর্কাইভ করা কথোপকথন দেখান</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>সংযোগের অবস্থা</translation>
    </message>
    <message>
        <source>Changes waiting to be saved</source>
        <translation>সংরক্ষণের অপেক্ষায় থাকা পরিবর্তন</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>নাম বদলান</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>আর্কাইভ করুন</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>মুছুন…</translation>
    </message>
    <message>
        <source>Copy title</source>
        <translation>শিরোনাম কপি করুন</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>কথোপকথন (&amp;C)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>আর্কাইভ থেকে ফেরান</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>কথোপকথন মুছুন</translation>
    </message>
    <message>
        <source>Delete “{0}”? The conversation and its messages are removed from this computer, the web app and the assistant. This cannot be undone.</source>
        <translation>“{0}” মুছবেন? কথোপকথন ও এর বার্তাগুলো এই কম্পিউটার, ওয়েব অ্যাপ ও সহকারী থেকে মুছে যাবে। এটি আর ফেরানো যাবে না।</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>মুছুন</translation>
    </message>
    <message>
        <source>Title copied.</source>
        <translation>শিরোনাম কপি হয়েছে।</translation>
    </message>
    <message>
        <source>The answer could not be completed.</source>
        <translation>উত্তর সম্পূর্ণ করা যায়নি।</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>আবার চেষ্টা করুন</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>আবার পাঠান</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>আগের অবস্থায় ফেরান</translation>
    </message>
    <message>
        <source>This conversation was renamed elsewhere; your title “{0}” was not kept.</source>
        <translation>এই কথোপকথনের নাম অন্য কোথাও বদলানো হয়েছে; আপনার শিরোনাম “{0}” রাখা হয়নি।</translation>
    </message>
    <message>
        <source>This conversation was changed elsewhere; your change was not kept.</source>
        <translation>এই কথোপকথন অন্য কোথাও বদলানো হয়েছে; আপনার পরিবর্তন রাখা হয়নি।</translation>
    </message>
    <message>
        <source>Restore mine</source>
        <translation>আমারটা ফেরান</translation>
    </message>
    <message>
        <source>{0} — Health Companion</source>
        <translation>{0} — Health Companion</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>সিঙ্ক হয়েছে</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>অফলাইন</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>সিঙ্ক হচ্ছে…</translation>
    </message>
    <message>
        <source>Conversations kept on this computer only</source>
        <translation>কথোপকথন শুধু এই কম্পিউটারেই রাখা আছে</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%nটি পরিবর্তন বাকি</numerusform>
            <numerusform>%nটি পরিবর্তন বাকি</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>কথোপকথন লোড হচ্ছে…</translation>
    </message>
    <message>
        <source>Ask a question to start a conversation, or pick one on the left.</source>
        <translation>কথোপকথন শুরু করতে একটি প্রশ্ন করুন, অথবা বাঁ দিক থেকে একটি বেছে নিন।</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>কপি হয়েছে।</translation>
    </message>
    <message>
        <source>That link ({0}:) cannot be opened.</source>
        <translation>ওই লিঙ্ক ({0}:) খোলা যাবে না।</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>কিছু একটা সমস্যা হয়েছে</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {0}</source>
        <translation>একটি অপ্রত্যাশিত ত্রুটি হয়েছে: {0}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>পছন্দসমূহ</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>সিস্টেমের মতো</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>হালকা</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>গাঢ়</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>থিম</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ভাষা</translation>
    </message>
    <message>
        <source>A new language applies the next time Health Companion starts.</source>
        <translation>নতুন ভাষা Health Companion পরের বার চালু হলে কার্যকর হবে।</translation>
    </message>
    <message>
        <source>Keep conversation history on this computer</source>
        <translation>কথোপকথনের ইতিহাস এই কম্পিউটারে রাখুন</translation>
    </message>
    <message>
        <source>Keep history on this computer</source>
        <translation>ইতিহাস এই কম্পিউটারে রাখুন</translation>
    </message>
    <message>
        <source>When off, conversations are kept in memory only and not written to disk.</source>
        <translation>বন্ধ থাকলে কথোপকথন শুধু মেমরিতে থাকে, ডিস্কে লেখা হয় না।</translation>
    </message>
    <message>
        <source>Show conversation titles in notifications</source>
        <translation>নোটিফিকেশনে কথোপকথনের শিরোনাম দেখান</translation>
    </message>
    <message>
        <source>Show titles in notifications</source>
        <translation>নোটিফিকেশনে শিরোনাম দেখান</translation>
    </message>
    <message>
        <source>When off, notifications use a general text that reveals nothing.</source>
        <translation>বন্ধ থাকলে নোটিফিকেশনে একটি সাধারণ লেখা দেখায়, যাতে কিছুই প্রকাশ পায় না।</translation>
    </message>
    <message>
        <source>General</source>
        <translation>সাধারণ</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>থিম (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ভাষা (&amp;L)</translation>
    </message>
    <message>
        <source>Language changes apply the next time the app starts.</source>
        <translation>ভাষার পরিবর্তন অ্যাপ পরের বার চালু হলে কার্যকর হবে।</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>গোপনীয়তা</translation>
    </message>
    <message>
        <source>History changes apply the next time the app starts.</source>
        <translation>ইতিহাস সংক্রান্ত পরিবর্তন অ্যাপ পরের বার চালু হলে কার্যকর হবে।</translation>
    </message>
    <message>
        <source>Connection (set by your administrator)</source>
        <translation>সংযোগ (আপনার অ্যাডমিনিস্ট্রেটর ঠিক করেছেন)</translation>
    </message>
    <message>
        <source>Where conversations are shared</source>
        <translation>কথোপকথন কোথায় শেয়ার হয়</translation>
    </message>
    <message>
        <source>How the assistant is reached</source>
        <translation>সহকারীর সঙ্গে কীভাবে যোগাযোগ হয়</translation>
    </message>
    <message>
        <source>Conversations:</source>
        <translation>কথোপকথন:</translation>
    </message>
    <message>
        <source>Assistant:</source>
        <translation>সহকারী:</translation>
    </message>
    <message>
        <source>Direct database: managed on-premises deployments only.</source>
        <translation>সরাসরি ডেটাবেস: শুধু প্রতিষ্ঠানের নিজস্ব সার্ভারে চালানো ইনস্টলেশনের জন্য।</translation>
    </message>
    <message>
        <source>Saving problem</source>
        <translation>সংরক্ষণে সমস্যা</translation>
    </message>
    <message>
        <source>Save preferences</source>
        <translation>পছন্দসমূহ সংরক্ষণ করুন</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>বাতিল করুন</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>আপনার প্রতিষ্ঠান ঠিক করেছে</translation>
    </message>
    <message>
        <source>Set by your organisation.</source>
        <translation>আপনার প্রতিষ্ঠান ঠিক করেছে।</translation>
    </message>
    <message>
        <source>The preferences could not be saved. Check that the settings file can be written.</source>
        <translation>পছন্দসমূহ সংরক্ষণ করা যায়নি। সেটিংস ফাইলে লেখা যায় কি না দেখে নিন।</translation>
    </message>
    <message>
        <source>Shared through the Supabase Data API</source>
        <translation>Supabase Data API-এর মাধ্যমে শেয়ার করা</translation>
    </message>
    <message>
        <source>Shared through a direct database connection</source>
        <translation>সরাসরি ডেটাবেস সংযোগের মাধ্যমে শেয়ার করা</translation>
    </message>
    <message>
        <source>Kept on this computer only</source>
        <translation>শুধু এই কম্পিউটারে রাখা</translation>
    </message>
    <message>
        <source>Directly, with this computer&apos;s app key</source>
        <translation>সরাসরি, এই কম্পিউটারের অ্যাপ কী দিয়ে</translation>
    </message>
    <message>
        <source>Through your organisation&apos;s gateway</source>
        <translation>আপনার প্রতিষ্ঠানের গেটওয়ের মাধ্যমে</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>now</source>
        <translation>এখন</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln মিনিট</numerusform>
            <numerusform>%Ln মিনিট</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h</source>
        <translation>
            <numerusform>%Ln ঘণ্টা</numerusform>
            <numerusform>%Ln ঘণ্টা</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln d</source>
        <translation>
            <numerusform>%Ln দিন</numerusform>
            <numerusform>%Ln দিন</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>General health information, not a substitute for professional advice. In an emergency, call your local emergency number ({number}).</source>
        <translation>স্বাস্থ্য বিষয়ে সাধারণ তথ্য, বিশেষজ্ঞের পরামর্শের বিকল্প নয়। জরুরি অবস্থায় আপনার স্থানীয় জরুরি নম্বরে ({number}) ফোন করুন।</translation>
    </message>
</context>
<context>
    <name>SafetyUi</name>
    <message>
        <source>Health information disclaimer</source>
        <translation>স্বাস্থ্য তথ্য সংক্রান্ত সতর্কতা</translation>
    </message>
    <message>
        <source>Emergency?</source>
        <translation>জরুরি?</translation>
    </message>
    <message>
        <source>What to do in an emergency (F9)</source>
        <translation>জরুরি অবস্থায় কী করবেন (F9)</translation>
    </message>
    <message>
        <source>About health information…</source>
        <translation>স্বাস্থ্য তথ্য সম্পর্কে…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>সাহায্য (&amp;H)</translation>
    </message>
    <message>
        <source>Shows the emergency number to call</source>
        <translation>ফোন করার জন্য জরুরি নম্বর দেখায়</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <source>it is too short</source>
        <extracomment>Codes after which the stored session can never be used again.</extracomment>
        <translation>এটি খুব ছোট</translation>
    </message>
    <message>
        <source>it needs a mix of letters, digits and symbols</source>
        <translation>এতে অক্ষর, সংখ্যা ও চিহ্নের মিশ্রণ থাকা দরকার</translation>
    </message>
    <message>
        <source>it has appeared in a known data breach</source>
        <translation>এটি কোনো পরিচিত ডেটা ফাঁসের ঘটনায় প্রকাশ পেয়েছে</translation>
    </message>
    <message>
        <source>The email address or password is not correct.</source>
        <translation>ইমেল ঠিকানা বা পাসওয়ার্ড সঠিক নয়।</translation>
    </message>
    <message>
        <source>Please confirm your email address first: open the link in the email we sent you.</source>
        <translation>অনুগ্রহ করে আগে আপনার ইমেল ঠিকানা নিশ্চিত করুন: আমাদের পাঠানো ইমেলের লিঙ্কটি খুলুন।</translation>
    </message>
    <message>
        <source>Please confirm your phone number first.</source>
        <translation>অনুগ্রহ করে আগে আপনার ফোন নম্বর নিশ্চিত করুন।</translation>
    </message>
    <message>
        <source>This account has been blocked. Please contact support.</source>
        <translation>এই অ্যাকাউন্টটি ব্লক করা হয়েছে। অনুগ্রহ করে সহায়তা দলের সঙ্গে যোগাযোগ করুন।</translation>
    </message>
    <message>
        <source>This account no longer exists. Please sign in again.</source>
        <translation>এই অ্যাকাউন্টটি আর নেই। অনুগ্রহ করে আবার সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a minute and try again.</source>
        <translation>অনেকবার চেষ্টা করা হয়েছে। অনুগ্রহ করে এক মিনিট অপেক্ষা করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>Too many emails were requested. Please wait a little before asking for another one.</source>
        <translation>অনেকগুলো ইমেল চাওয়া হয়েছে। আরেকটি চাওয়ার আগে অনুগ্রহ করে একটু অপেক্ষা করুন।</translation>
    </message>
    <message>
        <source>Please choose a stronger password.</source>
        <translation>অনুগ্রহ করে আরও শক্তিশালী পাসওয়ার্ড বেছে নিন।</translation>
    </message>
    <message>
        <source>An account with this email address already exists. Please sign in.</source>
        <translation>এই ইমেল ঠিকানায় একটি অ্যাকাউন্ট আগে থেকেই আছে। অনুগ্রহ করে সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>An account with this email address already exists.</source>
        <translation>এই ইমেল ঠিকানায় একটি অ্যাকাউন্ট আগে থেকেই আছে।</translation>
    </message>
    <message>
        <source>New accounts cannot be created at the moment.</source>
        <translation>এই মুহূর্তে নতুন অ্যাকাউন্ট তৈরি করা যাচ্ছে না।</translation>
    </message>
    <message>
        <source>Signing in with email is turned off for this service.</source>
        <translation>এই পরিষেবায় ইমেল দিয়ে সাইন ইন বন্ধ আছে।</translation>
    </message>
    <message>
        <source>Please enter a valid email address.</source>
        <translation>অনুগ্রহ করে একটি সঠিক ইমেল ঠিকানা দিন।</translation>
    </message>
    <message>
        <source>Emails cannot be sent to this address.</source>
        <translation>এই ঠিকানায় ইমেল পাঠানো যাবে না।</translation>
    </message>
    <message>
        <source>Some of the details entered are not valid.</source>
        <translation>দেওয়া কিছু তথ্য সঠিক নয়।</translation>
    </message>
    <message>
        <source>You have been signed out. Please sign in again.</source>
        <translation>আপনাকে সাইন আউট করা হয়েছে। অনুগ্রহ করে আবার সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>You have been signed out for your security. Please sign in again.</source>
        <translation>আপনার নিরাপত্তার জন্য আপনাকে সাইন আউট করা হয়েছে। অনুগ্রহ করে আবার সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>আপনার সেশন শেষ হয়ে গেছে। অনুগ্রহ করে আবার সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>আপনার সেশনের মেয়াদ শেষ হয়ে গেছে। অনুগ্রহ করে আবার সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>Your session needs to be renewed. Please try again.</source>
        <translation>আপনার সেশন নবায়ন করা দরকার। অনুগ্রহ করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>Please confirm your identity with your second factor.</source>
        <translation>অনুগ্রহ করে দ্বিতীয় ধাপের যাচাই দিয়ে আপনার পরিচয় নিশ্চিত করুন।</translation>
    </message>
    <message>
        <source>The verification code is not correct.</source>
        <translation>যাচাই কোডটি সঠিক নয়।</translation>
    </message>
    <message>
        <source>The verification code has expired. Please try again.</source>
        <translation>যাচাই কোডের মেয়াদ শেষ হয়ে গেছে। অনুগ্রহ করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The server is busy. Trying again shortly.</source>
        <translation>সার্ভার ব্যস্ত আছে। একটু পরে আবার চেষ্টা করা হবে।</translation>
    </message>
    <message>
        <source>The sign-in service took too long to answer. Trying again shortly.</source>
        <translation>সাইন-ইন পরিষেবা উত্তর দিতে অনেক সময় নিয়েছে। একটু পরে আবার চেষ্টা করা হবে।</translation>
    </message>
    <message>
        <source>The sign-in service cannot be reached. Check your internet connection.</source>
        <translation>সাইন-ইন পরিষেবার সঙ্গে যোগাযোগ করা যাচ্ছে না। আপনার ইন্টারনেট সংযোগ দেখে নিন।</translation>
    </message>
    <message>
        <source>The sign-in service had a problem. Please try again shortly.</source>
        <translation>সাইন-ইন পরিষেবায় একটি সমস্যা হয়েছে। অনুগ্রহ করে একটু পরে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>This app is not set up correctly for the sign-in service.</source>
        <translation>এই অ্যাপটি সাইন-ইন পরিষেবার জন্য ঠিকভাবে সেট আপ করা নেই।</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>আপনি সাইন ইন করেননি।</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>আপনি সাইন আউট করেছেন।</translation>
    </message>
    <message>
        <source>Another copy of the app is renewing your session. Trying again shortly.</source>
        <translation>অ্যাপের আরেকটি কপি আপনার সেশন নবায়ন করছে। একটু পরে আবার চেষ্টা করা হবে।</translation>
    </message>
    <message>
        <source>Signing in did not work. Please try again.</source>
        <translation>সাইন ইন করা যায়নি। অনুগ্রহ করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The assistant service has reached its usage limit. Please try again later or contact your administrator.</source>
        <translation>সহকারী পরিষেবা ব্যবহারের সীমায় পৌঁছে গেছে। অনুগ্রহ করে পরে আবার চেষ্টা করুন বা আপনার অ্যাডমিনিস্ট্রেটরের সঙ্গে যোগাযোগ করুন।</translation>
    </message>
    <message>
        <source>The assistant is busy right now. Please wait a moment and try again.</source>
        <translation>সহকারী এখন ব্যস্ত। অনুগ্রহ করে একটু অপেক্ষা করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>Could not reach the assistant service. Check your internet connection and try again.</source>
        <translation>সহকারী পরিষেবার সঙ্গে যোগাযোগ করা যায়নি। আপনার ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The assistant service took too long to respond. Please try again.</source>
        <translation>সহকারী পরিষেবা উত্তর দিতে অনেক সময় নিয়েছে। অনুগ্রহ করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The assistant stopped responding. Please try again.</source>
        <translation>সহকারী উত্তর দেওয়া বন্ধ করে দিয়েছে। অনুগ্রহ করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The answer was cut off before it finished. Please try again.</source>
        <translation>উত্তর শেষ হওয়ার আগেই কেটে গেছে। অনুগ্রহ করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The assistant could not finish this answer. Please try again.</source>
        <translation>সহকারী এই উত্তরটি শেষ করতে পারেনি। অনুগ্রহ করে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The assistant&apos;s language model is unavailable right now. Please try again later.</source>
        <translation>সহকারীর ভাষা মডেল এখন পাওয়া যাচ্ছে না। অনুগ্রহ করে পরে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The assistant service rejected the app key. Ask your administrator to check the Dify app key in the settings.</source>
        <translation>সহকারী পরিষেবা অ্যাপ কী গ্রহণ করেনি। সেটিংসে Dify অ্যাপ কী দেখে নিতে আপনার অ্যাডমিনিস্ট্রেটরকে বলুন।</translation>
    </message>
    <message>
        <source>The assistant app is disabled or not available to this application.</source>
        <translation>সহকারী অ্যাপটি বন্ধ আছে বা এই অ্যাপ্লিকেশনের জন্য উপলব্ধ নয়।</translation>
    </message>
    <message>
        <source>This conversation or message no longer exists on the assistant service. It may have been deleted.</source>
        <translation>এই কথোপকথন বা বার্তা সহকারী পরিষেবায় আর নেই। হয়তো এটি মুছে ফেলা হয়েছে।</translation>
    </message>
    <message>
        <source>The assistant service is having problems right now. Please try again shortly.</source>
        <translation>সহকারী পরিষেবায় এখন সমস্যা হচ্ছে। অনুগ্রহ করে একটু পরে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The assistant service sent a response this app could not understand.</source>
        <translation>সহকারী পরিষেবা এমন একটি উত্তর পাঠিয়েছে যা এই অ্যাপ বুঝতে পারেনি।</translation>
    </message>
    <message>
        <source>The assistant service could not handle this request.</source>
        <translation>সহকারী পরিষেবা এই অনুরোধটি সামলাতে পারেনি।</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Signing in…</source>
        <extracomment>Failed unlock attempts allowed before each further attempt waits (seconds, doubling). Files of a profile that stay when a shared workstation wipes it on sign-out.</extracomment>
        <translation>সাইন ইন হচ্ছে…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>অফলাইন</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>সাইন আউট করা হয়েছে</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly.</source>
        <translation>অপ্রত্যাশিতভাবে সাইন ইন ব্যর্থ হয়েছে।</translation>
    </message>
    <message>
        <source>Creating an account is not available here.</source>
        <translation>এখানে অ্যাকাউন্ট তৈরির সুবিধা নেই।</translation>
    </message>
    <message>
        <source>If this address is new, check your email and open the link to confirm your account. If you already have an account, sign in or reset your password.</source>
        <translation>এই ঠিকানাটি নতুন হলে, আপনার ইমেল দেখুন এবং অ্যাকাউন্ট নিশ্চিত করতে লিঙ্কটি খুলুন। আপনার আগে থেকেই অ্যাকাউন্ট থাকলে সাইন ইন করুন বা পাসওয়ার্ড রিসেট করুন।</translation>
    </message>
    <message>
        <source>Check your email and open the link to confirm your account, then sign in.</source>
        <translation>আপনার ইমেল দেখুন এবং অ্যাকাউন্ট নিশ্চিত করতে লিঙ্কটি খুলুন, তারপর সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>Resetting the password is not available here.</source>
        <translation>এখানে পাসওয়ার্ড রিসেট করার সুবিধা নেই।</translation>
    </message>
    <message>
        <source>If an account exists for this address, we have sent it an email with a link to choose a new password.</source>
        <translation>এই ঠিকানায় কোনো অ্যাকাউন্ট থাকলে, আমরা সেখানে নতুন পাসওয়ার্ড বেছে নেওয়ার লিঙ্কসহ একটি ইমেল পাঠিয়েছি।</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>পাসওয়ার্ড সঠিক নয়।</translation>
    </message>
    <message>
        <source>This is not the account that is signed in.</source>
        <translation>এটি সাইন ইন করা অ্যাকাউন্ট নয়।</translation>
    </message>
    <message>
        <source>Your password cannot be checked without an internet connection on this computer. Connect to the internet and try again, or sign out.</source>
        <translation>এই কম্পিউটারে ইন্টারনেট সংযোগ ছাড়া আপনার পাসওয়ার্ড যাচাই করা যাবে না। ইন্টারনেটে যুক্ত হয়ে আবার চেষ্টা করুন, অথবা সাইন আউট করুন।</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>অনলাইন</translation>
    </message>
    <message>
        <source>Waiting for your verification code</source>
        <translation>আপনার যাচাই কোডের অপেক্ষায়</translation>
    </message>
    <message>
        <source>This is a shared workstation: your sign-in is not remembered and your data is removed from this computer when you sign out.</source>
        <translation>এটি একটি শেয়ার করা কম্পিউটার: আপনার সাইন-ইন মনে রাখা হয় না এবং সাইন আউট করলে আপনার তথ্য এই কম্পিউটার থেকে মুছে ফেলা হয়।</translation>
    </message>
    <message>
        <source>Your sign-in will not be remembered: this computer has no secure password storage (keyring) available, so you will need to sign in again next time.</source>
        <translation>আপনার সাইন-ইন মনে রাখা হবে না: এই কম্পিউটারে পাসওয়ার্ড নিরাপদে রাখার ব্যবস্থা (কিরিং) নেই, তাই পরের বার আপনাকে আবার সাইন ইন করতে হবে।</translation>
    </message>
</context>
<context>
    <name>SessionUi</name>
    <message>
        <source>Account</source>
        <translation>অ্যাকাউন্ট</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>এখনই লক করুন</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>সাইন আউট করুন</translation>
    </message>
    <message>
        <source>Locked — Health Companion</source>
        <translation>লক করা আছে — Health Companion</translation>
    </message>
    <message>
        <source>Sign-in not remembered on this computer</source>
        <translation>এই কম্পিউটারে সাইন-ইন মনে রাখা হয়নি</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be saved to the server yet and will be lost if you sign out now.</source>
        <translation>
            <numerusform>%nটি পরিবর্তন এখনও সার্ভারে সংরক্ষণ করা যায়নি; এখন সাইন আউট করলে এটি হারিয়ে যাবে।</numerusform>
            <numerusform>%nটি পরিবর্তন এখনও সার্ভারে সংরক্ষণ করা যায়নি; এখন সাইন আউট করলে এগুলো হারিয়ে যাবে।</numerusform>
        </translation>
    </message>
    <message>
        <source>Some changes may not have been saved to the server yet.</source>
        <translation>কিছু পরিবর্তন হয়তো এখনও সার্ভারে সংরক্ষণ করা হয়নি।</translation>
    </message>
    <message>
        <source>Sign out anyway</source>
        <translation>তবুও সাইন আউট করুন</translation>
    </message>
    <message>
        <source>Unlocking needs an internet connection on this computer. You can always sign out.</source>
        <translation>আনলক করতে এই কম্পিউটারে ইন্টারনেট সংযোগ দরকার। আপনি যেকোনো সময় সাইন আউট করতে পারেন।</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Send the message</source>
        <translation>বার্তা পাঠান</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>বার্তায় নতুন লাইন</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>পরের বা আগের নিয়ন্ত্রণ</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation>বেছে নেওয়া কথোপকথন খুলুন</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>ডায়ালগ বন্ধ করুন</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>কিবোর্ড শর্টকাট</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>কাজ</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>কী</translation>
    </message>
    <message>
        <source>Each action and the keys that run it</source>
        <translation>প্রতিটি কাজ এবং সেটি চালানোর কী</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>সব বেছে নিন</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>বন্ধ করুন</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Form title</source>
        <extracomment>GoTrue&apos;s floor for a password length and its hard limit in bytes.</extracomment>
        <translation>ফর্মের শিরোনাম</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>ব্যাখ্যা</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ইমেল</translation>
    </message>
    <message>
        <source>Enter an email address like name@example.org.</source>
        <translation>name@example.org-এর মতো একটি ইমেল ঠিকানা দিন।</translation>
    </message>
    <message>
        <source>Email problem</source>
        <translation>ইমেলে সমস্যা</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>পাসওয়ার্ড</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>পাসওয়ার্ডটি আবার দিন</translation>
    </message>
    <message>
        <source>Password problem</source>
        <translation>পাসওয়ার্ডে সমস্যা</translation>
    </message>
    <message>
        <source>Password rules</source>
        <translation>পাসওয়ার্ডের নিয়ম</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>যাচাই কোড</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>বিজ্ঞপ্তি</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>সাইন-ইনে সমস্যা</translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation>অন্য অ্যাকাউন্ট ব্যবহার করুন</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>পাসওয়ার্ড ভুলে গেছেন?</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>একটি অ্যাকাউন্ট তৈরি করুন</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>সাইন ইনে ফিরে যান</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>ইমেল (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>পাসওয়ার্ড (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>পাসওয়ার্ড আবার (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>কোড (&amp;C)</translation>
    </message>
    <message>
        <source>Sign in to Health Companion</source>
        <translation>Health Companion-এ সাইন ইন করুন</translation>
    </message>
    <message>
        <source>Create a Health Companion account</source>
        <translation>একটি Health Companion অ্যাকাউন্ট তৈরি করুন</translation>
    </message>
    <message>
        <source>Reset your password</source>
        <translation>আপনার পাসওয়ার্ড রিসেট করুন</translation>
    </message>
    <message>
        <source>Enter your verification code</source>
        <translation>আপনার যাচাই কোড দিন</translation>
    </message>
    <message>
        <source>Open your authenticator app and enter the code it shows for this account.</source>
        <translation>আপনার অথেন্টিকেটর অ্যাপ খুলুন এবং এই অ্যাকাউন্টের জন্য দেখানো কোডটি দিন।</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>সাইন ইন করুন</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>অ্যাকাউন্ট তৈরি করুন</translation>
    </message>
    <message>
        <source>Send reset link</source>
        <translation>রিসেট লিঙ্ক পাঠান</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>যাচাই করুন</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>সাইন ইন হচ্ছে…</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>অ্যাকাউন্ট তৈরি হচ্ছে…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>পাঠানো হচ্ছে…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>যাচাই করা হচ্ছে…</translation>
    </message>
    <message>
        <source>At least {0} characters; longer is stronger.</source>
        <translation>কমপক্ষে {0}টি অক্ষর; যত লম্বা, তত শক্তিশালী।</translation>
    </message>
    <message>
        <source>A mix of lower- and upper-case letters, digits and symbols.</source>
        <translation>ছোট ও বড় হাতের অক্ষর, সংখ্যা ও চিহ্নের মিশ্রণ।</translation>
    </message>
    <message>
        <source>Not a password that has appeared in a known data breach.</source>
        <translation>এমন পাসওয়ার্ড নয় যা কোনো পরিচিত ডেটা ফাঁসের ঘটনায় প্রকাশ পেয়েছে।</translation>
    </message>
    <message>
        <source>The password needs at least {0} characters.</source>
        <translation>পাসওয়ার্ডে কমপক্ষে {0}টি অক্ষর থাকতে হবে।</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>পাসওয়ার্ডটি অনেক লম্বা।</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>দুটি পাসওয়ার্ড এক নয়।</translation>
    </message>
</context>
<context>
    <name>SuggestionsBar</name>
    <message>
        <source>Try asking:</source>
        <translation>জিজ্ঞেস করে দেখুন:</translation>
    </message>
    <message>
        <source>Suggested questions</source>
        <translation>প্রস্তাবিত প্রশ্ন</translation>
    </message>
    <message>
        <source>Ask: {0}</source>
        <translation>জিজ্ঞেস করুন: {0}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>{0} (details are in the log)</source>
        <translation>{0} (বিস্তারিত লগে আছে)</translation>
    </message>
</context>
<context>
    <name>ThreadListView</name>
    <message>
        <source>Conversations</source>
        <translation>কথোপকথন</translation>
    </message>
    <message>
        <source>Your conversations, newest first. Enter opens, F2 renames, Delete deletes.</source>
        <translation>আপনার কথোপকথন, নতুনগুলো আগে। Enter চাপলে খুলবে, F2 চাপলে নাম বদলাবে, Delete চাপলে মুছে যাবে।</translation>
    </message>
</context>
<context>
    <name>ThreadsController</name>
    <message>
        <source>New chat</source>
        <translation>নতুন চ্যাট</translation>
    </message>
    <message>
        <source>A change was not saved: the conversation was deleted elsewhere.</source>
        <translation>একটি পরিবর্তন সংরক্ষণ করা হয়নি: কথোপকথনটি অন্য কোথাও মুছে ফেলা হয়েছে।</translation>
    </message>
    <message>
        <source>The server refused a change. It is kept on this computer only.</source>
        <translation>সার্ভার একটি পরিবর্তন গ্রহণ করেনি। এটি শুধু এই কম্পিউটারে রাখা আছে।</translation>
    </message>
    <message>
        <source>A change could not be saved to the server and was dropped.</source>
        <translation>একটি পরিবর্তন সার্ভারে সংরক্ষণ করা যায়নি এবং বাদ দেওয়া হয়েছে।</translation>
    </message>
    <message>
        <source>Conversation archived.</source>
        <translation>কথোপকথন আর্কাইভ করা হয়েছে।</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>আগে সাইন ইন করুন।</translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation>ওই কথোপকথন আর নেই।</translation>
    </message>
</context>
<context>
    <name>VoiceController</name>
    <message>
        <source>The microphone is not available.</source>
        <translation>মাইক্রোফোন পাওয়া যাচ্ছে না।</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>কিছুই রেকর্ড হয়নি।</translation>
    </message>
    <message>
        <source>The recording failed.</source>
        <translation>রেকর্ডিং করা যায়নি।</translation>
    </message>
    <message>
        <source>No speech was recognised. Try again a little closer.</source>
        <translation>কোনো কথা শনাক্ত করা যায়নি। মাইক্রোফোনের একটু কাছে এসে আবার চেষ্টা করুন।</translation>
    </message>
    <message>
        <source>The recording is too long. Keep it to a few minutes.</source>
        <translation>রেকর্ডিংটি অনেক লম্বা। কয়েক মিনিটের মধ্যে রাখুন।</translation>
    </message>
    <message>
        <source>The assistant could not use this recording.</source>
        <translation>সহকারী এই রেকর্ডিংটি ব্যবহার করতে পারেনি।</translation>
    </message>
    <message>
        <source>The assistant&apos;s speech service cannot turn speech into text.</source>
        <translation>সহকারীর কথা চেনার পরিষেবা কথাকে লেখায় রূপান্তর করতে পারে না।</translation>
    </message>
    <message>
        <source>Your speech could not be turned into text. {reason}</source>
        <translation>আপনার কথা লেখায় রূপান্তর করা যায়নি। {reason}</translation>
    </message>
    <message>
        <source>There is nothing to read aloud in this answer.</source>
        <translation>এই উত্তরে পড়ে শোনানোর মতো কিছু নেই।</translation>
    </message>
    <message>
        <source>The answer could not be read aloud. {reason}</source>
        <translation>উত্তরটি পড়ে শোনানো যায়নি। {reason}</translation>
    </message>
    <message>
        <source>The audio could not be played.</source>
        <translation>অডিও চালানো যায়নি।</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>আগে সাইন ইন করুন।</translation>
    </message>
</context>
<context>
    <name>VoiceSupport</name>
    <message>
        <source>Voice input and reading answers aloud need the optional voice component, which is not installed.</source>
        <translation>কথা বলে লেখা এবং উত্তর পড়ে শোনানোর জন্য ঐচ্ছিক ভয়েস উপাদান দরকার, যা ইনস্টল করা নেই।</translation>
    </message>
    <message>
        <source>No microphone was found.</source>
        <translation>কোনো মাইক্রোফোন পাওয়া যায়নি।</translation>
    </message>
    <message>
        <source>The recording did not finish.</source>
        <translation>রেকর্ডিং শেষ হয়নি।</translation>
    </message>
    <message>
        <source>The recording failed.</source>
        <translation>রেকর্ডিং করা যায়নি।</translation>
    </message>
    <message>
        <source>The audio could not be played.</source>
        <translation>অডিও চালানো যায়নি।</translation>
    </message>
</context>
<context>
    <name>VoiceUi</name>
    <message>
        <source>Speak</source>
        <translation>বলুন</translation>
    </message>
    <message>
        <source>Dictate a message</source>
        <translation>বলে বার্তা লেখান</translation>
    </message>
    <message>
        <source>Record your question; the text appears in the message box to check.</source>
        <translation>আপনার প্রশ্ন রেকর্ড করুন; যাচাই করার জন্য লেখাটি বার্তার ঘরে দেখা যাবে।</translation>
    </message>
    <message>
        <source>Dictate (Ctrl+Shift+M)</source>
        <translation>বলে লেখান (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>পড়া থামান</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>পড়ে শোনানো থামান</translation>
    </message>
    <message>
        <source>Read the last answer aloud</source>
        <translation>শেষ উত্তরটি পড়ে শোনান</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>পড়ে শোনান</translation>
    </message>
    <message>
        <source>Stop and transcribe</source>
        <translation>থামিয়ে লেখায় রূপান্তর করুন</translation>
    </message>
    <message>
        <source>Transcribing…</source>
        <translation>লেখায় রূপান্তর হচ্ছে…</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>রেকর্ডিং থামান</translation>
    </message>
    <message>
        <source>Preparing audio… (stop)</source>
        <translation>অডিও তৈরি হচ্ছে… (থামান)</translation>
    </message>
</context>
</TS>
