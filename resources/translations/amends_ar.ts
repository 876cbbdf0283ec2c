<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="+160"/>
        <source>Amends cannot open its case log</source>
        <translation>لا يستطيع Amends فتح سجل الحالات</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Amends</source>
        <translation>Amends</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../desktop/ui/approval.py" line="+44"/>
        <source>Approval needed</source>
        <translation>مطلوب موافقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 would be %3 of %4</source>
        <translation>%1: %2 سيبلغ %3 من %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2 is beyond %3&apos;s limits.</source>
        <translation>%1 — %2 يتجاوز حدود %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+28"/>
        <source>Approver</source>
        <translation>المعتمِد</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Approver&apos;s PIN</source>
        <translation>الرمز السري للمعتمِد</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Why this is right for the guest</source>
        <translation>لماذا هذا هو الصواب للضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval message</source>
        <translation>رسالة الموافقة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decline</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Nobody here may approve this gesture.</source>
        <translation>لا أحد هنا يحق له الموافقة على هذه اللفتة.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The approver must give a reason.</source>
        <translation>يجب أن يذكر المعتمِد سببًا.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The approver types their PIN.</source>
        <translation>يكتب المعتمِد رمزه السري.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong PIN for the approver.</source>
        <translation>الرمز السري للمعتمِد غير صحيح.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again in %1 s.</source>
        <translation>حاول مجددًا بعد %1 ث.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="+78"/>
        <source>Guest</source>
        <translation>الضيف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room / table</source>
        <translation>الغرفة / الطاولة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>الخطوة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>المتابعة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(no name yet)</source>
        <translation>(بلا اسم بعد)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>done</source>
        <translation>تمت</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>overdue %1</source>
        <translation>متأخرة %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>خلال %1</translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message>
        <location line="+11"/>
        <source>Search by guest name or room</source>
        <translation>البحث باسم الضيف أو الغرفة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search guest or room…</source>
        <translation>ابحث عن ضيف أو غرفة…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which cases to show</source>
        <translation>أي الحالات تُعرض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>مغلقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases</source>
        <translation>الحالات</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="+43"/>
        <source>Guest name</source>
        <translation>اسم الضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room or table</source>
        <translation>الغرفة أو الطاولة</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Outlet</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+30"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+4"/>
        <location filename="../../desktop/ui/case_panel.py" line="+109"/>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+28"/>
        <source>Severity</source>
        <translation>درجة الخطورة</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Still missing</source>
        <translation>ما زال ناقصًا</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Room / table</source>
        <translation>الغرفة / الطاولة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>الضيف</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Still needed before closing: %1</source>
        <translation>مطلوب قبل الإغلاق: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_panel.py" line="-39"/>
        <source>Time since the case opened</source>
        <translation>الوقت منذ فتح الحالة</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What good looks like</source>
        <translation>ما النتيجة الجيدة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The guest&apos;s account</source>
        <translation>رواية الضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the guest&apos;s own words…</source>
        <translation>بكلمات الضيف نفسه…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How you apologised</source>
        <translation>كيف اعتذرت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: what you said, how it was taken</source>
        <translation>اختياري: ما قلته وكيف تلقّاه الضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went wrong for the guest</source>
        <translation>ما الخطأ الذي حدث للضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went wrong, from the guest&apos;s side</source>
        <translation>ما الخطأ الذي حدث، من وجهة نظر الضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A good outcome for the guest</source>
        <translation>نتيجة جيدة للضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a good outcome is for them</source>
        <translation>ما النتيجة الجيدة بالنسبة له</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done to fix it</source>
        <translation>ما الذي فُعل لإصلاح الأمر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done to put it right</source>
        <translation>ما الذي فُعل لتصحيح الوضع</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow-up due</source>
        <translation>موعد المتابعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up note</source>
        <translation>ملاحظة المتابعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How is it now, in the guest&apos;s words?</source>
        <translation>كيف الحال الآن، بكلمات الضيف؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip: guest unreachable</source>
        <translation>تخطٍّ: تعذّر الوصول إلى الضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip follow-up</source>
        <translation>تخطي المتابعة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root cause</source>
        <translation>السبب الجذري</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detail for the supervisor</source>
        <translation>تفاصيل للمشرف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When, where, which shift, what exactly — so trends show</source>
        <translation>متى، وأين، وأي مناوبة، وما الذي حدث بالضبط — لتظهر الأنماط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous step</source>
        <translation>الخطوة السابقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete step</source>
        <translation>إتمام الخطوة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Case closed</source>
        <translation>الحالة مغلقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heard it — next (Ctrl+Enter)</source>
        <translation>تم الاستماع — التالي (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apologised — next (Ctrl+Enter)</source>
        <translation>تم الاعتذار — التالي (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed — next (Ctrl+Enter)</source>
        <translation>تمت المراجعة — التالي (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed — next (Ctrl+Enter)</source>
        <translation>تم الإصلاح — التالي (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Followed up — next (Ctrl+Enter)</source>
        <translation>تمت المتابعة — التالي (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close case (Ctrl+Enter)</source>
        <translation>إغلاق الحالة (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Follow-up: after the fix.</source>
        <translation>المتابعة: بعد الإصلاح.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up done.</source>
        <translation>تمت المتابعة.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow-up due at %1 (in %2).</source>
        <translation>موعد المتابعة %1 (خلال %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up was due at %1 (overdue %2).</source>
        <translation>كان موعد المتابعة %1 (متأخرة %2).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Case closed at %1. It is on record and can no longer be changed.</source>
        <translation>أُغلقت الحالة في %1. إنها محفوظة في السجل ولم يعد بالإمكان تغييرها.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose a root cause before closing.</source>
        <translation>اختر سببًا جذريًا قبل الإغلاق.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../desktop/ui/pin_entry.py" line="+116"/>
        <source>Change my PIN</source>
        <translation>تغيير رمزي السري</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: type your PIN as it is now, then the new one twice.</source>
        <translation>%1: اكتب رمزك السري الحالي، ثم الرمز الجديد مرتين.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>PIN now</source>
        <translation>الرمز السري الحالي</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>New PIN</source>
        <translation>الرمز السري الجديد</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>New PIN again</source>
        <translation>الرمز السري الجديد مرة أخرى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change PIN message</source>
        <translation>رسالة تغيير الرمز السري</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change PIN</source>
        <translation>تغيير الرمز السري</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type your PIN as it is now.</source>
        <translation>اكتب رمزك السري الحالي.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Try again in %1 s.</source>
        <translation>حاول مجددًا بعد %1 ث.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../desktop/ui/diagnostics.py" line="+85"/>
        <source>Diagnostics</source>
        <translation>التشخيص</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same checks as “amends doctor”. Copy the report and send it to your IT contact: it holds no PINs, keys or guest details.</source>
        <translation>الفحوصات نفسها التي يجريها «amends doctor». انسخ التقرير وأرسله إلى مسؤول تقنية المعلومات لديك: لا يحتوي على رموز سرية أو مفاتيح أو بيانات ضيوف.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checks</source>
        <translation>الفحوصات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>الفحص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running the checks</source>
        <translation>جارٍ تشغيل الفحوصات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run again</source>
        <translation>تشغيل مرة أخرى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the checks again</source>
        <translation>تشغيل الفحوصات مرة أخرى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy report</source>
        <translation>نسخ التقرير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the report to the clipboard</source>
        <translation>نسخ التقرير إلى الحافظة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>OK</source>
        <translation>سليم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Running the checks…</source>
        <translation>جارٍ تشغيل الفحوصات…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The checks could not run: %1</source>
        <translation>تعذّر تشغيل الفحوصات: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n check(s) failed.</source>
        <translation>
            <numerusform>لم يفشل أي فحص.</numerusform>
            <numerusform>فشل فحص واحد.</numerusform>
            <numerusform>فشل فحصان.</numerusform>
            <numerusform>فشلت %n فحوصات.</numerusform>
            <numerusform>فشل %n فحصًا.</numerusform>
            <numerusform>فشل %n فحص.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No check failed; %n warning(s).</source>
        <translation>
            <numerusform>لم يفشل أي فحص؛ ولا تحذيرات.</numerusform>
            <numerusform>لم يفشل أي فحص؛ تحذير واحد.</numerusform>
            <numerusform>لم يفشل أي فحص؛ تحذيران.</numerusform>
            <numerusform>لم يفشل أي فحص؛ %n تحذيرات.</numerusform>
            <numerusform>لم يفشل أي فحص؛ %n تحذيرًا.</numerusform>
            <numerusform>لم يفشل أي فحص؛ %n تحذير.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every check passed.</source>
        <translation>نجحت كل الفحوصات.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The report is on the clipboard.</source>
        <translation>التقرير في الحافظة.</translation>
    </message>
</context>
<context>
    <name>FollowupBanner</name>
    <message>
        <location filename="../../desktop/ui/followup_banner.py" line="+23"/>
        <source>Follow-up due</source>
        <translation>موعد المتابعة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open case</source>
        <translation>&amp;فتح الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the case with the follow-up due</source>
        <translation>فتح الحالة التي حان موعد متابعتها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>لا&amp;حقًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the notice</source>
        <translation>إخفاء التنبيه</translation>
    </message>
</context>
<context>
    <name>GesturePanel</name>
    <message>
        <location filename="../../desktop/ui/gesture.py" line="+71"/>
        <source>Suggested gestures: Enter grants</source>
        <translation>لفتات مقترحة: Enter يمنحها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gesture type</source>
        <translation>نوع اللفتة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the gesture is</source>
        <translation>ما هي اللفتة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. desserts for the table on the house</source>
        <translation>مثلًا: حلويات للطاولة على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Problem with the value</source>
        <translation>مشكلة في القيمة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget left</source>
        <translation>الميزانية المتبقية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget decision</source>
        <translation>قرار الميزانية</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+160"/>
        <location line="+10"/>
        <source>Grant</source>
        <translation>منح</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Grant gesture</source>
        <translation>منح اللفتة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gestures granted</source>
        <translation>اللفتات الممنوحة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrong charge corrected</source>
        <translation>تصحيح رسم خاطئ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong charge corrected (not a gesture)</source>
        <translation>تصحيح رسم خاطئ (ليس لفتة)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount corrected</source>
        <translation>المبلغ المصحَّح</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Record correction</source>
        <translation>تسجيل التصحيح</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suggested</source>
        <translation>مقترحة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gesture</source>
        <translation>اللفتة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Correction</source>
        <translation>تصحيح</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>You may still grant without approval: %1 this shift · %2 to this guest this stay · %3 in this case</source>
        <translation>ما زال يمكنك المنح دون موافقة: %1 في هذه المناوبة · %2 لهذا الضيف في هذه الإقامة · %3 في هذه الحالة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (approved)</source>
        <translation> (تمت الموافقة)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Correction: %1 %2</source>
        <translation>تصحيح: %1 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Apology and the fix; no gesture</source>
        <translation>اعتذار وإصلاح؛ بلا لفتة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A gesture needs a value; choose &quot;No gesture&quot; for none.</source>
        <translation>اللفتة تحتاج إلى قيمة؛ اختر &quot;بلا لفتة&quot; إن لم تكن هناك لفتة.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Within your limits: Enter grants it.</source>
        <translation>ضمن حدودك: Enter يمنحها.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>over the %1 by %2</source>
        <translation>يتجاوز %1 بمقدار %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs approval: %1.</source>
        <translation>تحتاج إلى موافقة: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for approval…</source>
        <translation>طلب الموافقة…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Say what was corrected and by how much.</source>
        <translation>اذكر ما الذي صُحِّح وبكم.</translation>
    </message>
</context>
<context>
    <name>GrantsModel</name>
    <message>
        <location filename="../../desktop/ui/review_parts.py" line="+59"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Guest</source>
        <translation>الضيف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gesture</source>
        <translation>اللفتة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Granted by</source>
        <translation>منحها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>وافق عليها</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
</context>
<context>
    <name>GuestLanguageBox</name>
    <message>
        <location filename="../../desktop/ui/guest_language.py" line="+20"/>
        <source>Guest&apos;s language (slips)</source>
        <translation>لغة الضيف (المطبوعات)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The apology letter and vouchers print in this language.</source>
        <translation>تُطبع رسالة الاعتذار والقسائم بهذه اللغة.</translation>
    </message>
</context>
<context>
    <name>HandedToUsDialog</name>
    <message>
        <location filename="../../desktop/ui/handoff_ui.py" line="+115"/>
        <location line="+1"/>
        <source>Handed to me/us</source>
        <translation>محالة إليّ/إلينا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you did, or what is still to do</source>
        <translation>ما فعلته، أو ما بقي لفعله</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Mark done</source>
        <translation>وضع علامة تم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note to the case</source>
        <translation>إضافة ملاحظة إلى الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open case</source>
        <translation>فتح الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, %2: for %3 since %4, from %5. %6</source>
        <translation>%1، %2: إلى %3 منذ %4، من %5. %6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a guest</source>
        <translation>ضيف</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing is handed to you or a department.</source>
        <translation>لا شيء محال إليك أو إلى قسم.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Marked done. The case&apos;s owner follows up with the guest.</source>
        <translation>تم وضع علامة تم. صاحب الحالة يتابع مع الضيف.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Note added to the case.</source>
        <translation>أُضيفت الملاحظة إلى الحالة.</translation>
    </message>
</context>
<context>
    <name>HandoffControls</name>
    <message>
        <location filename="../../desktop/ui/handoff_controls.py" line="+36"/>
        <location line="+1"/>
        <source>Handed to me/us</source>
        <translation>محالة إليّ/إلينا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand &amp;off this case…</source>
        <translation>إ&amp;حالة هذه الحالة…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand-off de&amp;partments…</source>
        <translation>أ&amp;قسام الإحالة…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Handed to me/us (%1)</source>
        <translation>محالة إليّ/إلينا (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a case (or finish its first step) to hand it off.</source>
        <translation>افتح حالة (أو أنهِ خطوتها الأولى) لإحالتها.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handed off. The follow-up is still yours.</source>
        <translation>تمت الإحالة. المتابعة ما زالت مسؤوليتك.</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+9"/>
        <source>Hand-off departments</source>
        <translation>أقسام الإحالة</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The departments a case can be handed to, one per line:</source>
        <translation>الأقسام التي يمكن إحالة الحالة إليها، قسم في كل سطر:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hand-off departments: %1</source>
        <translation>أقسام الإحالة: %1</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <location filename="../../desktop/ui/handoff_ui.py" line="-125"/>
        <source>Hand off the case</source>
        <translation>إحالة الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Hand to</source>
        <translation>إحالة إلى</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Note for them</source>
        <translation>ملاحظة لهم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they should do, and for whom</source>
        <translation>ما الذي عليهم فعله، ولمن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The follow-up with the guest stays yours: you will be reminded to check back.</source>
        <translation>المتابعة مع الضيف تبقى مسؤوليتك: سيتم تذكيرك بالعودة إليه.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand off</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>Handoffs</name>
    <message>
        <location line="-41"/>
        <source>Housekeeping</source>
        <translation>التدبير الفندقي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>الصيانة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kitchen</source>
        <translation>المطبخ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty manager</source>
        <translation>المدير المناوب</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Follow-up due: you handed %1 to %2, but the guest is still yours. Check back with them now.</source>
        <translation>حان موعد المتابعة: أحلتَ %1 إلى %2، لكن الضيف ما زال مسؤوليتك. عُد إليه الآن.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a guest</source>
        <translation>ضيف</translation>
    </message>
</context>
<context>
    <name>HandoffsReview</name>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>Hand-offs</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>الضيف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handed to</source>
        <translation>أُحيلت إلى</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to done</source>
        <translation>الوقت حتى الإنجاز</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not done yet</source>
        <translation>لم تُنجز بعد</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>%1 min</source>
        <translation>%1 دقيقة</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 hand-offs, %2 done; typical time to done: %3.</source>
        <translation>%1 إحالة، أُنجز منها %2؛ الوقت المعتاد حتى الإنجاز: %3.</translation>
    </message>
</context>
<context>
    <name>HeadOfficeDialog</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="+236"/>
        <source>Head office</source>
        <translation>المقر الرئيسي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head office address</source>
        <translation>عنوان المقر الرئيسي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolment code</source>
        <translation>رمز التسجيل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of this desk</source>
        <translation>اسم هذا المكتب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment result</source>
        <translation>نتيجة التسجيل</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This desk is enrolled with %1. Enrol again only with a new code from head office.</source>
        <translation>هذا المكتب مسجَّل لدى %1. لا تسجّله مرة أخرى إلا برمز جديد من المقر الرئيسي.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code:</source>
        <translation>الرمز:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk name:</source>
        <translation>اسم المكتب:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrol</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type head office&apos;s address and the code.</source>
        <translation>اكتب عنوان المقر الرئيسي والرمز.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacting head office…</source>
        <translation>جارٍ الاتصال بالمقر الرئيسي…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not enrolled: %1</source>
        <translation>لم يتم التسجيل: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enrolled as a desk of %1. This desk now syncs in the background.</source>
        <translation>سُجِّل كمكتب تابع لـ %1. يتزامن هذا المكتب الآن في الخلفية.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="+28"/>
        <source>Listen</source>
        <translation>الاستماع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apologise</source>
        <translation>الاعتذار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix and make good</source>
        <translation>الإصلاح والتعويض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow up</source>
        <translation>المتابعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>التوثيق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>مغلقة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Let the guest tell it their way, without interrupting. Note it in their words, not yours.</source>
        <translation>دع الضيف يروي ما حدث على طريقته، دون مقاطعة. دوّنه بكلماته هو، لا بكلماتك.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say sorry sincerely and personally, for how it felt to them. No excuses, no blaming colleagues.</source>
        <translation>اعتذر بصدق وبشكل شخصي، عمّا شعر به الضيف. لا أعذار، ولا لوم للزملاء.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check with the guest what went wrong from their side, and ask what a good outcome would be for them.</source>
        <translation>تحقّق مع الضيف مما حدث من وجهة نظره، واسأله ما النتيجة الجيدة بالنسبة له.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put it right now, then add something extra that fits what they told you.</source>
        <translation>أصلح الأمر الآن، ثم أضف شيئًا إضافيًا يناسب ما أخبرك به.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go back to the guest (in person or by phone) within 20 minutes of the fix and check it really is right.</source>
        <translation>عُد إلى الضيف (شخصيًا أو بالهاتف) خلال 20 دقيقة من الإصلاح وتأكد أن الأمر صار على ما يرام فعلًا.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the root cause and the detail a supervisor needs to spot a trend: when, where, which shift, what exactly.</source>
        <translation>سجّل السبب الجذري والتفاصيل التي يحتاجها المشرف لملاحظة نمط متكرر: متى، وأين، وأي مناوبة، وما الذي حدث بالضبط.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>guest name</source>
        <translation>اسم الضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>room or table</source>
        <translation>الغرفة أو الطاولة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outlet</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>severity</source>
        <translation>درجة الخطورة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>root cause</source>
        <translation>السبب الجذري</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>site name</source>
        <translation>اسم المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hotel or restaurant</source>
        <translation>فندق أو مطعم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language and region</source>
        <translation>اللغة والمنطقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outlets</source>
        <translation>المنافذ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manager&apos;s name</source>
        <translation>اسم المدير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manager&apos;s PIN</source>
        <translation>الرمز السري للمدير</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Food &amp; beverage service</source>
        <translation>خدمة الطعام والمشروبات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food quality</source>
        <translation>جودة الطعام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait time</source>
        <translation>وقت الانتظار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housekeeping</source>
        <translation>التدبير الفندقي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room condition</source>
        <translation>حالة الغرفة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>الصيانة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing</source>
        <translation>الفواتير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservation</source>
        <translation>الحجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff conduct</source>
        <translation>سلوك الموظفين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordering error</source>
        <translation>خطأ في الطلب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise</source>
        <translation>الضوضاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Low</source>
        <translation>منخفضة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Medium</source>
        <translation>متوسطة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>مرتفعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>حرجة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovered</source>
        <translation>تمت استعادة رضاه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recovered</source>
        <translation>لم تتم استعادة رضاه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comp</source>
        <translation>مجاني (على حساب المنشأة)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voucher</source>
        <translation>قسيمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade</source>
        <translation>ترقية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amenity</source>
        <translation>ضيافة إضافية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit</source>
        <translation>رصيد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refund</source>
        <translation>استرداد مبلغ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No gesture</source>
        <translation>بلا لفتة</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Agent</source>
        <translation>موظف استقبال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>مدير</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per-case limit</source>
        <translation>حد الحالة الواحدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per-shift limit</source>
        <translation>حد المناوبة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per-guest-stay limit</source>
        <translation>حد إقامة الضيف</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This currency has no smaller unit: type a whole amount.</source>
        <translation>هذه العملة ليست لها وحدة أصغر: اكتب مبلغًا صحيحًا.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>At most %n decimal place(s) in this currency.</source>
        <translation>
            <numerusform>لا منازل عشرية في هذه العملة.</numerusform>
            <numerusform>منزلة عشرية واحدة على الأكثر في هذه العملة.</numerusform>
            <numerusform>منزلتان عشريتان على الأكثر في هذه العملة.</numerusform>
            <numerusform>%n منازل عشرية على الأكثر في هذه العملة.</numerusform>
            <numerusform>%n منزلة عشرية على الأكثر في هذه العملة.</numerusform>
            <numerusform>%n منزلة عشرية على الأكثر في هذه العملة.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type an amount.</source>
        <translation>اكتب مبلغًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is not an amount: use digits only, like 25.00.</source>
        <translation>هذا ليس مبلغًا: استخدم الأرقام فقط، مثل 25.00.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An amount cannot be negative.</source>
        <translation>لا يمكن أن يكون المبلغ سالبًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That amount is too large.</source>
        <translation>هذا المبلغ كبير جدًا.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This person&apos;s role may not approve gestures.</source>
        <translation>دور هذا الشخص لا يخوّله الموافقة على اللفتات.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody may approve their own gesture.</source>
        <translation>لا يحق لأحد الموافقة على لفتته هو.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is beyond what this approver may authorise; ask someone with higher limits.</source>
        <translation>هذا يتجاوز ما يحق لهذا المعتمِد إقراره؛ اطلب ذلك ممن لديه حدود أعلى.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Something unexpected went wrong. The details are in the log file.</source>
        <translation>حدث خطأ غير متوقع. التفاصيل في ملف السجل.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This approval is not allowed.</source>
        <translation>هذه الموافقة غير مسموح بها.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This PIN is too short.</source>
        <translation>هذا الرمز السري قصير جدًا.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN is too long.</source>
        <translation>هذا الرمز السري طويل جدًا.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This desk has no site yet: set it up first.</source>
        <translation>لا توجد منشأة لهذا المكتب بعد: أعدّها أولًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk already has a site.</source>
        <translation>لهذا المكتب منشأة بالفعل.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some set-up details are missing or wrong: %1</source>
        <translation>بعض بيانات الإعداد ناقصة أو غير صحيحة: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the person&apos;s name.</source>
        <translation>اكتب اسم الشخص.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A role is agent, supervisor or manager.</source>
        <translation>الدور إما موظف استقبال أو مشرف أو مدير.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This person is not on this desk&apos;s staff list.</source>
        <translation>هذا الشخص ليس في قائمة موظفي هذا المكتب.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>الرمز السري من 4 إلى 8 أرقام.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a manager can change this.</source>
        <translation>وحده المدير يستطيع تغيير هذا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone on the staff list already has this name. Add something to tell them apart (an initial, the outlet).</source>
        <translation>يوجد في قائمة الموظفين شخص بهذا الاسم بالفعل. أضف ما يميّز بينهما (حرفًا أول، أو المنفذ).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two people on the staff list have this name. A manager deactivates one of them, or the one at the other desk is named by their id.</source>
        <translation>في قائمة الموظفين شخصان بهذا الاسم. يُلغي المدير تفعيل أحدهما، أو يُشار إلى من في المكتب الآخر بمعرّفه.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an active manager can change the staff list.</source>
        <translation>وحده مدير مفعَّل يستطيع تغيير قائمة الموظفين.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the last active manager. Make someone else a manager first.</source>
        <translation>هذا آخر مدير مفعَّل. اجعل شخصًا آخر مديرًا أولًا.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You cannot change your own role or deactivate yourself. Ask another manager.</source>
        <translation>لا يمكنك تغيير دورك أو إلغاء تفعيل نفسك. اطلب ذلك من مدير آخر.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person has been deactivated and can no longer sign in.</source>
        <translation>أُلغي تفعيل هذا الشخص ولم يعد بإمكانه تسجيل الدخول.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN is too short: at least %1 digits.</source>
        <translation>هذا الرمز السري قصير جدًا: %1 أرقام على الأقل.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PIN is too long: at most %1 digits.</source>
        <translation>هذا الرمز السري طويل جدًا: %1 أرقام على الأكثر.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is made of digits only.</source>
        <translation>الرمز السري يتكون من أرقام فقط.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PIN is too easy to guess (like 0000 or 1234). Choose another.</source>
        <translation>هذا الرمز السري سهل التخمين (مثل 0000 أو 1234). اختر غيره.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs are not the same. Type the new PIN twice.</source>
        <translation>الرمزان السريان غير متطابقين. اكتب الرمز السري الجديد مرتين.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your PIN was reset. Choose a new PIN to sign in.</source>
        <translation>أُعيد تعيين رمزك السري. اختر رمزًا سريًا جديدًا لتسجيل الدخول.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN was not reset. Sign in with it, or change it with the old one.</source>
        <translation>لم يُعَد تعيين هذا الرمز السري. سجّل الدخول به، أو غيّره باستخدام الرمز القديم.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The old PIN is not right.</source>
        <translation>الرمز السري القديم غير صحيح.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a supervisor or a manager can do this.</source>
        <translation>وحده المشرف أو المدير يستطيع القيام بهذا.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This case is not on this desk.</source>
        <translation>هذه الحالة ليست على هذا المكتب.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This case is already closed.</source>
        <translation>هذه الحالة مغلقة بالفعل.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These details cannot be stored as typed: %1</source>
        <translation>لا يمكن حفظ هذه البيانات كما كُتبت: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not a step of the recovery.</source>
        <translation>هذه ليست خطوة من خطوات استعادة رضا الضيف.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose how the case ended: recovered, not recovered or unknown.</source>
        <translation>اختر كيف انتهت الحالة: استُعيد رضاه، أو لم يُستعد، أو غير معروف.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still needed before closing: %1</source>
        <translation>مطلوب قبل الإغلاق: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the note first.</source>
        <translation>اكتب الملاحظة أولًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That text is too long to store (%1 characters).</source>
        <translation>هذا النص أطول من أن يُحفظ (%1 حرفًا).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk did not record that: what it was about to write failed its own check, a fault in this version of Amends. Nothing was written. Tell IT; the details are in the log file.</source>
        <translation>لم يسجّل هذا المكتب ذلك: ما كان على وشك كتابته لم يجتز فحصه الذاتي، وهذا خلل في هذا الإصدار من Amends. لم يُكتب شيء. أبلغ قسم تقنية المعلومات؛ التفاصيل في ملف السجل.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That text has a broken character that cannot be stored (often from a paste). Type it again.</source>
        <translation>في هذا النص حرف تالف لا يمكن حفظه (غالبًا من اللصق). اكتبه مرة أخرى.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a kind of gesture.</source>
        <translation>اختر نوع اللفتة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That value cannot be granted.</source>
        <translation>لا يمكن منح هذه القيمة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approver must give a reason.</source>
        <translation>يجب أن يذكر المعتمِد سببًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PIN for the approver.</source>
        <translation>الرمز السري للمعتمِد غير صحيح.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No voucher with this code is known here.</source>
        <translation>لا توجد هنا قسيمة معروفة بهذا الرمز.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That code is mistyped: check it and type it again.</source>
        <translation>هذا الرمز مكتوب بشكل خاطئ: تحقّق منه واكتبه مرة أخرى.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This voucher has already been used.</source>
        <translation>استُخدمت هذه القسيمة بالفعل.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher has already been voided.</source>
        <translation>أُبطلت هذه القسيمة بالفعل.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher belongs to another case.</source>
        <translation>هذه القسيمة تخص حالة أخرى.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gesture&apos;s description is too long for a voucher: shorten it.</source>
        <translation>وصف اللفتة أطول مما تتسع له القسيمة: اختصره.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a reason for voiding the voucher.</source>
        <translation>اذكر سببًا لإبطال القسيمة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no such slip.</source>
        <translation>لا توجد مطبوعة كهذه.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter has no text. Write it, or go back to the standard wording.</source>
        <translation>الرسالة بلا نص. اكتبها، أو ارجع إلى الصياغة المعتادة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a receipt printer address: type tcp://HOST:PORT (a network printer, port 9100 if left out) or usb://VENDOR:PRODUCT.</source>
        <translation>&quot;%1&quot; ليس عنوان طابعة إيصالات: اكتب tcp://HOST:PORT (طابعة شبكية، المنفذ 9100 إن لم يُذكر) أو usb://VENDOR:PRODUCT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt printer %1 did not take the slip: check that it is on, connected and has paper.</source>
        <translation>لم تستقبل طابعة الإيصالات %1 المطبوعة: تأكد أنها مشغَّلة وموصولة وفيها ورق.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand the case to a colleague or to one of the site&apos;s departments.</source>
        <translation>أحِل الحالة إلى زميل أو إلى أحد أقسام المنشأة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case is already yours: hand it to someone else.</source>
        <translation>الحالة مسؤوليتك بالفعل: أحِلها إلى شخص آخر.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This hand-off is not on this desk.</source>
        <translation>هذه الإحالة ليست على هذا المكتب.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This hand-off is already done.</source>
        <translation>أُنجزت هذه الإحالة بالفعل.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk&apos;s keychain cannot be used, so no voucher can be signed. Ask IT to run Help → Diagnostics.</source>
        <translation>لا يمكن استخدام سلسلة مفاتيح هذا المكتب، لذا لا يمكن توقيع أي قسيمة. اطلب من قسم تقنية المعلومات تشغيل مساعدة ← التشخيص.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such setting.</source>
        <translation>لا يوجد إعداد كهذا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That value cannot be stored for this setting.</source>
        <translation>لا يمكن حفظ هذه القيمة لهذا الإعداد.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n event(s) from other desks could not be used by this version of Amends and are kept apart; everything else is shown and syncing goes on. Update Amends on this desk; Help → Diagnostics says more.</source>
        <translation>
            <numerusform>لا أحداث من مكاتب أخرى تعذّر استخدامها.</numerusform>
            <numerusform>تعذّر على هذا الإصدار من Amends استخدام حدث واحد من مكاتب أخرى، وهو محفوظ على حدة؛ كل ما عداه معروض والمزامنة مستمرة. حدّث Amends على هذا المكتب؛ ستجد المزيد في مساعدة ← التشخيص.</numerusform>
            <numerusform>تعذّر على هذا الإصدار من Amends استخدام حدثين من مكاتب أخرى، وهما محفوظان على حدة؛ كل ما عداهما معروض والمزامنة مستمرة. حدّث Amends على هذا المكتب؛ ستجد المزيد في مساعدة ← التشخيص.</numerusform>
            <numerusform>تعذّر على هذا الإصدار من Amends استخدام %n أحداث من مكاتب أخرى، وهي محفوظة على حدة؛ كل ما عداها معروض والمزامنة مستمرة. حدّث Amends على هذا المكتب؛ ستجد المزيد في مساعدة ← التشخيص.</numerusform>
            <numerusform>تعذّر على هذا الإصدار من Amends استخدام %n حدثًا من مكاتب أخرى، وهي محفوظة على حدة؛ كل ما عداها معروض والمزامنة مستمرة. حدّث Amends على هذا المكتب؛ ستجد المزيد في مساعدة ← التشخيص.</numerusform>
            <numerusform>تعذّر على هذا الإصدار من Amends استخدام %n حدث من مكاتب أخرى، وهي محفوظة على حدة؛ كل ما عداها معروض والمزامنة مستمرة. حدّث Amends على هذا المكتب؛ ستجد المزيد في مساعدة ← التشخيص.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Head office cannot be reached. Nothing is lost: this desk&apos;s cases wait here and go when it can.</source>
        <translation>تعذّر الوصول إلى المقر الرئيسي. لم يُفقد شيء: حالات هذا المكتب تنتظر هنا وتُرسل عندما يصبح ذلك ممكنًا.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office is unavailable just now; this desk will try again.</source>
        <translation>المقر الرئيسي غير متاح حاليًا؛ سيحاول هذا المكتب مرة أخرى.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up this desk (site, currency, manager) before enrolling it.</source>
        <translation>أعِدّ هذا المكتب (المنشأة، العملة، المدير) قبل تسجيله.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not a head-office address: it starts with https://</source>
        <translation>هذا ليس عنوان مقر رئيسي: يبدأ بـ https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head office did not take this code: it may be mistyped, used or expired. Ask head office for a new code.</source>
        <translation>لم يقبل المقر الرئيسي هذا الرمز: ربما كُتب بشكل خاطئ، أو استُخدم، أو انتهت صلاحيته. اطلب رمزًا جديدًا من المقر الرئيسي.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused this desk: it does not match the site the code is for (its currency, or another site). Ask head office.</source>
        <translation>رفض المقر الرئيسي هذا المكتب: لا يطابق المنشأة التي صدر لها الرمز (عملتها، أو منشأة أخرى). راجع المقر الرئيسي.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office already knows this desk and needs proof that it is this desk, but its key is gone from this computer. Ask head office for a re-enrolment code for this desk and enter that code.</source>
        <translation>المقر الرئيسي يعرف هذا المكتب بالفعل ويحتاج إلى إثبات أنه هو، لكن مفتاحه لم يعد على هذا الحاسوب. اطلب من المقر الرئيسي رمز إعادة تسجيل لهذا المكتب وأدخل ذلك الرمز.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Head office has had too many attempts from this network. Wait a few minutes, then try again.</source>
        <translation>تلقّى المقر الرئيسي محاولات كثيرة جدًا من هذه الشبكة. انتظر بضع دقائق، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk is not enrolled with head office. Enrol it with a code from head office.</source>
        <translation>هذا المكتب غير مسجَّل لدى المقر الرئيسي. سجّله برمز من المقر الرئيسي.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office no longer accepts this desk (it was revoked, or enrolled again elsewhere). Enrol it again with a new code.</source>
        <translation>لم يعد المقر الرئيسي يقبل هذا المكتب (أُلغي، أو سُجِّل مرة أخرى في مكان آخر). سجّله مرة أخرى برمز جديد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk&apos;s keychain cannot keep the head-office token. Ask IT to run Help → Diagnostics.</source>
        <translation>لا تستطيع سلسلة مفاتيح هذا المكتب الاحتفاظ برمز المقر الرئيسي. اطلب من قسم تقنية المعلومات تشغيل مساعدة ← التشخيص.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office accepted this desk, but the desk could not note it. Try again with a new code.</source>
        <translation>قبِل المقر الرئيسي هذا المكتب، لكن المكتب لم يتمكن من تدوين ذلك. حاول مرة أخرى برمز جديد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused this desk&apos;s events. They are kept here; ask head office to look at this desk.</source>
        <translation>رفض المقر الرئيسي أحداث هذا المكتب. إنها محفوظة هنا؛ اطلب من المقر الرئيسي النظر في هذا المكتب.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused an event of this desk that the other desks could not use (a fault in this version of Amends). This desk&apos;s cases are kept here, and nothing after that event is sent until it is sorted out. Ask IT to update Amends on this desk and to tell head office.</source>
        <translation>رفض المقر الرئيسي حدثًا من هذا المكتب لا تستطيع المكاتب الأخرى استخدامه (خلل في هذا الإصدار من Amends). حالات هذا المكتب محفوظة هنا، ولن يُرسل شيء بعد ذلك الحدث حتى تُحل المشكلة. اطلب من قسم تقنية المعلومات تحديث Amends على هذا المكتب وإبلاغ المقر الرئيسي.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Head office refused to send what this desk asked for. Ask head office to look at this desk.</source>
        <translation>رفض المقر الرئيسي إرسال ما طلبه هذا المكتب. اطلب من المقر الرئيسي النظر في هذا المكتب.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office&apos;s answer could not be understood. Check the address, or ask IT.</source>
        <translation>تعذّر فهم رد المقر الرئيسي. تحقّق من العنوان، أو راجع قسم تقنية المعلومات.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office sent other desks&apos; events that do not verify; they were not taken. Ask head office to check this site.</source>
        <translation>أرسل المقر الرئيسي أحداثًا لمكاتب أخرى لا يمكن التحقق منها؛ لم تُقبل. اطلب من المقر الرئيسي فحص هذه المنشأة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office&apos;s budget policy cannot be used by this desk. Ask head office to check it.</source>
        <translation>لا يستطيع هذا المكتب استخدام سياسة الميزانية الواردة من المقر الرئيسي. اطلب من المقر الرئيسي مراجعتها.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk could not store what head office sent. Run Help → Diagnostics.</source>
        <translation>تعذّر على هذا المكتب حفظ ما أرسله المقر الرئيسي. شغّل مساعدة ← التشخيص.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/store_labels.py" line="+24"/>
        <source>The case log %1 is not an Amends database (it may be damaged). Amends has not changed it. Restore it from a backup, or move it aside to start a new, empty log.</source>
        <translation>سجل الحالات %1 ليس قاعدة بيانات Amends (قد يكون تالفًا). لم يغيّره Amends. استعده من نسخة احتياطية، أو انقله جانبًا لبدء سجل جديد فارغ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case log %1 is damaged. Amends has not changed it. Run &apos;amends doctor&apos; for details and restore the file from a backup.</source>
        <translation>سجل الحالات %1 تالف. لم يغيّره Amends. شغّل &apos;amends doctor&apos; لمعرفة التفاصيل واستعد الملف من نسخة احتياطية.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 was written by a newer version of Amends. Install that version or newer; this one will not change the file.</source>
        <translation>سجل الحالات %1 كتبه إصدار أحدث من Amends. ثبّت ذلك الإصدار أو أحدث منه؛ هذا الإصدار لن يغيّر الملف.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 cannot be read. Amends has not changed it. Restore it from a backup, or move it aside to start a new, empty log.</source>
        <translation>تتعذّر قراءة سجل الحالات %1. لم يغيّره Amends. استعده من نسخة احتياطية، أو انقله جانبًا لبدء سجل جديد فارغ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data folder %1 cannot be created. Choose another with --data-dir or AMENDS_HOME.</source>
        <translation>يتعذّر إنشاء مجلد البيانات %1. اختر مجلدًا آخر باستخدام --data-dir أو AMENDS_HOME.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 no longer verifies: an event was changed after it was written. Amends will not use or change it. Run &apos;amends doctor&apos;, and restore the file from a backup or ask head office to restore this desk.</source>
        <translation>لم يعد التحقق من سجل الحالات %1 ممكنًا: تغيّر حدث بعد كتابته. لن يستخدمه Amends ولن يغيّره. شغّل &apos;amends doctor&apos;، واستعد الملف من نسخة احتياطية أو اطلب من المقر الرئيسي استعادة هذا المكتب.</translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message>
        <location filename="../../desktop/ui/letter_ui.py" line="+38"/>
        <source>About the apology letter</source>
        <translation>عن رسالة الاعتذار</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apology letter</source>
        <translation>رسالة الاعتذار</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit wording</source>
        <translation>&amp;تعديل الصياغة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the letter&apos;s wording for this guest</source>
        <translation>تغيير صياغة الرسالة لهذا الضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard wording</source>
        <translation>الصياغة المعتادة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the standard wording</source>
        <translation>الرجوع إلى الصياغة المعتادة</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Printed: a reprint is this same letter.</source>
        <translation>طُبعت: إعادة الطباعة هي هذه الرسالة نفسها.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The apology letter, in %1, as it will print.</source>
        <translation>رسالة الاعتذار، باللغة %1، كما ستُطبع.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your wording for this guest: it prints as you leave it. A blank line starts a new paragraph.</source>
        <translation>صياغتك لهذا الضيف: تُطبع كما تتركها. السطر الفارغ يبدأ فقرة جديدة.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+53"/>
        <location line="+66"/>
        <source>Amends</source>
        <translation>Amends</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Press Ctrl+N (or “New case”) when a guest has a problem.</source>
        <translation>اضغط Ctrl+N (أو «حالة جديدة») عندما تكون لدى الضيف مشكلة.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>New case</source>
        <translation>حالة جديدة</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Signed in as</source>
        <translation>مسجَّل الدخول باسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="-50"/>
        <source>Budget left</source>
        <translation>الميزانية المتبقية</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+5"/>
        <location filename="../../desktop/ui/main_window.py" line="+1"/>
        <source>Budget left this shift</source>
        <translation>الميزانية المتبقية في هذه المناوبة</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 left this shift</source>
        <translation>يتبقى %1 من %2 في هذه المناوبة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+1"/>
        <location line="+1"/>
        <source>End shift</source>
        <translation>إنهاء المناوبة</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Case</source>
        <translation>&amp;حالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New case</source>
        <translation>حالة &amp;جديدة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lock</source>
        <translation>ق&amp;فل</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Vouchers…</source>
        <translation>ال&amp;قسائم…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Review…</source>
        <translation>ال&amp;مراجعة…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;End shift</source>
        <translation>&amp;إنهاء المناوبة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget &amp;policy…</source>
        <translation>&amp;سياسة الميزانية…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;rinters…</source>
        <translation>ال&amp;طابعات…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Head office…</source>
        <translation>المقر ال&amp;رئيسي…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Diagnostics…</source>
        <translation>ال&amp;تشخيص…</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>You may still grant %1 this shift without approval.</source>
        <translation>ما زال يمكنك منح %1 في هذه المناوبة دون موافقة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For %1 this stay: %2.</source>
        <translation>لـ %1 في هذه الإقامة: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this guest</source>
        <translation>هذا الضيف</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>a guest</source>
        <translation>ضيف</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up due now: %1%2.</source>
        <translation>حان موعد المتابعة الآن: %1%2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up due</source>
        <translation>موعد المتابعة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk_toolbar.py" line="+33"/>
        <source>Desk</source>
        <translation>المكتب</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>More actions</source>
        <translation>إجراءات أخرى</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../desktop/ui/pin_entry.py" line="-84"/>
        <source>Digit %1</source>
        <translation>الرقم %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear the PIN field</source>
        <translation>مسح حقل الرمز السري</translation>
    </message>
</context>
<context>
    <name>Playbook</name>
    <message>
        <location filename="../../tools/playbook_strings_generated.py" line="+8"/>
        <source>Voucher for a coffee or a drink</source>
        <translation>قسيمة لقهوة أو مشروب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and the fix; no gesture needed</source>
        <translation>اعتذار وإصلاح؛ لا حاجة إلى لفتة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A drink on the house</source>
        <translation>مشروب على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drinks or dessert on the house</source>
        <translation>مشروبات أو حلوى على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher for the café or bar</source>
        <translation>قسيمة للمقهى أو البار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The affected item or meal comped</source>
        <translation>الصنف أو الوجبة المتأثرة مجانًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and beverage credit</source>
        <translation>رصيد للطعام والمشروبات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole bill or night comped</source>
        <translation>الفاتورة كاملة أو الليلة مجانًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund of what the guest paid for the failed service</source>
        <translation>استرداد ما دفعه الضيف مقابل الخدمة التي لم تُقدَّم كما يجب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and the order put right at once</source>
        <translation>اعتذار وتصحيح الطلب فورًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coffee or a soft drink on the house</source>
        <translation>قهوة أو مشروب غازي على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desserts for the table on the house</source>
        <translation>حلويات للطاولة على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A round of drinks on the house</source>
        <translation>جولة مشروبات على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meal comped</source>
        <translation>الوجبة مجانًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry cleaning or replacement paid, and a credit</source>
        <translation>دفع تكلفة التنظيف الجاف أو الاستبدال، مع رصيد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dish replaced straight away, with an apology</source>
        <translation>استبدال الطبق فورًا، مع اعتذار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dish taken off the bill</source>
        <translation>حذف الطبق من الفاتورة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dessert on the house</source>
        <translation>حلوى على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole table&apos;s meal comped</source>
        <translation>وجبة الطاولة كلها مجانًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desserts or drinks for the table on the house</source>
        <translation>حلويات أو مشروبات للطاولة على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and an honest explanation of the delay</source>
        <translation>اعتذار وشرح صادق لسبب التأخير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mains for the table taken off the bill</source>
        <translation>حذف الأطباق الرئيسية للطاولة من الفاتورة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room put right at once; supervisor checks it</source>
        <translation>إصلاح الغرفة فورًا؛ ويتحقق منها المشرف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade to a better room and a welcome drink</source>
        <translation>ترقية إلى غرفة أفضل ومشروب ترحيبي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome drink in the lounge while the room is readied</source>
        <translation>مشروب ترحيبي في الردهة ريثما تُجهَّز الغرفة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One night&apos;s room rate credited</source>
        <translation>إضافة سعر ليلة واحدة رصيدًا للضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed at once and tested with the guest</source>
        <translation>إصلاح فوري واختباره مع الضيف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late checkout and breakfast in the room</source>
        <translation>مغادرة متأخرة وإفطار في الغرفة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breakfast for two</source>
        <translation>إفطار لشخصين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to a better room type for the rest of the stay</source>
        <translation>الانتقال إلى فئة غرف أفضل لبقية الإقامة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineering fixes it now; follow up when done</source>
        <translation>الصيانة تُصلحه الآن؛ والمتابعة بعد الانتهاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spa or café voucher for the next visit</source>
        <translation>قسيمة للسبا أو المقهى للزيارة القادمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and beverage credit for the party</source>
        <translation>رصيد للطعام والمشروبات للمجموعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to a room that works, a category up</source>
        <translation>الانتقال إلى غرفة تعمل كما يجب، بفئة أعلى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong charge corrected (a correction, not a gesture)</source>
        <translation>تصحيح رسم خاطئ (تصحيح، وليس لفتة)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge corrected and the cause checked</source>
        <translation>تصحيح الرسم والتحقق من سببه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A drink at the bar with our apologies</source>
        <translation>مشروب في البار مع اعتذارنا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Champagne and a dessert for the occasion</source>
        <translation>شمبانيا وحلوى احتفاءً بالمناسبة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best available table or room</source>
        <translation>أفضل طاولة أو غرفة متاحة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First course or first night on the house</source>
        <translation>الطبق الأول أو الليلة الأولى على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Night at a partner hotel paid, with transport both ways</source>
        <translation>دفع ليلة في فندق شريك، مع المواصلات ذهابًا وإيابًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal apology from the duty manager</source>
        <translation>اعتذار شخصي من المدير المناوب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evening drinks on the house</source>
        <translation>مشروبات مسائية على حساب المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order corrected before anything is charged</source>
        <translation>تصحيح الطلب قبل احتساب أي شيء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit toward the next order</source>
        <translation>رصيد للطلب القادم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late checkout</source>
        <translation>مغادرة متأخرة</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="+41"/>
        <source>Budget policy</source>
        <translation>سياسة الميزانية</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follow-up after minutes</source>
        <translation>المتابعة بعد دقائق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voucher valid for days</source>
        <translation>صلاحية القسيمة بالأيام</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock after idle minutes</source>
        <translation>القفل بعد دقائق الخمول</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Price factor of suggested gestures</source>
        <translation>معامل أسعار اللفتات المقترحة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many %1 match one reference unit (about a US dollar) in suggested gestures; empty: the shipped factor.</source>
        <translation>كم %1 تعادل وحدة مرجعية واحدة (نحو دولار أمريكي) في اللفتات المقترحة؛ فارغ: المعامل المرفق بالبرنامج.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print voucher and apology as soon as a voucher is granted</source>
        <translation>طباعة القسيمة والاعتذار فور منح القسيمة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print on grant</source>
        <translation>الطباعة عند المنح</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow up after (minutes)</source>
        <translation>المتابعة بعد (دقائق)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vouchers valid (days)</source>
        <translation>صلاحية القسائم (أيام)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the desk after (idle minutes)</source>
        <translation>قفل المكتب بعد (دقائق الخمول)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price factor (%1)</source>
        <translation>معامل الأسعار (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy message</source>
        <translation>رسالة السياسة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as new version</source>
        <translation>حفظ كإصدار جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save policy</source>
        <translation>حفظ السياسة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Policy version %1. Amounts in %2.</source>
        <translation>إصدار السياسة %1. المبالغ بـ %2.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The price factor is a number above 0, such as 0.4 or 150.</source>
        <translation>معامل الأسعار رقم أكبر من 0، مثل 0.4 أو 150.</translation>
    </message>
</context>
<context>
    <name>PrintersDialog</name>
    <message>
        <location filename="../../desktop/ui/slips_ui.py" line="+330"/>
        <source>Printers</source>
        <translation>الطابعات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>80 mm receipt roll</source>
        <translation>لفافة إيصالات 80 مم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher slips</source>
        <translation>مطبوعات القسائم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology slips</source>
        <translation>مطبوعات الاعتذار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer</source>
        <translation>الطابعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default printer</source>
        <translation>الطابعة الافتراضية للنظام</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (not connected)</source>
        <translation>%1 (غير موصولة)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paper</source>
        <translation>الورق</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save printers</source>
        <translation>حفظ الطابعات</translation>
    </message>
</context>
<context>
    <name>ReceiptAddress</name>
    <message>
        <location filename="../../desktop/ui/receipt_printers.py" line="+24"/>
        <source>Receipt printer address</source>
        <translation>عنوان طابعة الإيصالات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcp://192.168.1.50:9100 or usb://04b8:0e15</source>
        <translation>tcp://192.168.1.50:9100 أو usb://04b8:0e15</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt printer (ESC/POS, no driver)…</source>
        <translation>طابعة إيصالات (ESC/POS، بلا تعريف)…</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/review_screen.py" line="+70"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>هذا الشهر</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 12 months</source>
        <translation>آخر 12 شهرًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From … to …</source>
        <translation>من … إلى …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working</source>
        <translation>جارٍ العمل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export PDF</source>
        <translation>تصدير PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the review as PDF</source>
        <translation>تصدير المراجعة بصيغة PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV</source>
        <translation>تصدير CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the review as CSV</source>
        <translation>تصدير المراجعة بصيغة CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review message</source>
        <translation>رسالة المراجعة</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Spend by person</source>
        <translation>الإنفاق حسب الشخص</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spend by gesture type, category and outlet</source>
        <translation>الإنفاق حسب نوع اللفتة والفئة والمنفذ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gestures granted</source>
        <translation>اللفتات الممنوحة</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+25"/>
        <source>Approvals</source>
        <translation>الموافقات</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Follow-ups and open cases</source>
        <translation>المتابعات والحالات المفتوحة</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Worth a look</source>
        <translation>يستحق النظر</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Cases behind it</source>
        <translation>الحالات وراءه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by number of cases</source>
        <translation>الفئات حسب عدد الحالات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by spend</source>
        <translation>الفئات حسب الإنفاق</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+232"/>
        <source>Spend over time</source>
        <translation>الإنفاق عبر الزمن</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>When failures happen</source>
        <translation>متى تحدث الإخفاقات</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+121"/>
        <location line="+11"/>
        <source>Gestures</source>
        <translation>اللفتات</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Follow-ups</source>
        <translation>المتابعات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-offs</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Trends</source>
        <translation>الاتجاهات</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The last day is before the first.</source>
        <translation>اليوم الأخير قبل اليوم الأول.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The review could not be made: %1</source>
        <translation>تعذّر إعداد المراجعة: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Spend %1 of a budget of %2 (the shift allowances worked). %3 gestures, %4 cases, %5 still open. Recovery rate: %6.</source>
        <translation>الإنفاق %1 من ميزانية قدرها %2 (مخصصات المناوبات التي عُملت). %3 لفتة، %4 حالة، %5 ما زالت مفتوحة. معدل استعادة الرضا: %6.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_cards.py" line="+41"/>
        <location filename="../../desktop/ui/review_screen.py" line="+0"/>
        <location line="+13"/>
        <source>Spend</source>
        <translation>الإنفاق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>الميزانية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the budget spent</source>
        <translation>نسبة المصروف من الميزانية</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovery rate</source>
        <translation>معدل الاسترضاء</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 gestures in %2 cases</source>
        <translation>عدد اللفتات: %1 في %2 من الحالات</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 % spent (of the shift allowances worked)</source>
        <translation>صُرف %1 % (من مخصصات المناوبات التي عُملت)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cases still open</source>
        <translation>حالات ما زالت مفتوحة: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_screen.py" line="-12"/>
        <source>Shifts</source>
        <translation>المناوبات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-shift limit</source>
        <translation>حد المناوبة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gesture</source>
        <translation>اللفتة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outlet</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approver</source>
        <translation>المعتمِد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by</source>
        <translation>طلبها</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>given</source>
        <translation>مُنحت</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>declined</source>
        <translation>رُفضت</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>late</source>
        <translation>متأخرة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed</source>
        <translation>فائتة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing stands out in this period.</source>
        <translation>لا شيء لافت في هذه الفترة.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One guest, gestures in several cases this stay</source>
        <translation>ضيف واحد، لفتات في عدة حالات خلال هذه الإقامة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At or near the shift limit, shift after shift</source>
        <translation>عند حد المناوبة أو قريبًا منه، مناوبة بعد مناوبة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many approvals asked for</source>
        <translation>طلب موافقات كثيرة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher expired unused</source>
        <translation>قسيمة انتهت صلاحيتها دون استخدام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher redeemed twice</source>
        <translation>قسيمة صُرفت مرتين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases closed without a follow-up</source>
        <translation>حالات أُغلقت دون متابعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A limit passed once two desks synced</source>
        <translation>حدّ تم تجاوزه بعد مزامنة مكتبين</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Categories by cases with gestures, most first</source>
        <translation>الفئات حسب الحالات ذات اللفتات، الأكثر أولًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>الحالات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by spend, largest first</source>
        <translation>الفئات حسب الإنفاق، الأكبر أولًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend (%1)</source>
        <translation>الإنفاق (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spend per day</source>
        <translation>الإنفاق اليومي</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show a period first.</source>
        <translation>اعرض فترة أولًا.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export review</source>
        <translation>تصدير المراجعة</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not save: %1</source>
        <translation>تعذّر الحفظ: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as %1.</source>
        <translation>حُفظ باسم %1.</translation>
    </message>
</context>
<context>
    <name>RosterTable</name>
    <message>
        <location filename="../../desktop/ui/staff_table.py" line="+29"/>
        <source>Staff list</source>
        <translation>قائمة الموظفين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Active</source>
        <translation>مفعَّل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>ملغى التفعيل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active, must set a new PIN</source>
        <translation>مفعَّل، يجب تعيين رمز سري جديد</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/ui/setup.py" line="+59"/>
        <source>Welcome to Amends</source>
        <translation>مرحبًا بك في Amends</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up this desk for your property, or try the demo site first to see how a recovery case runs.</source>
        <translation>أعِدّ هذا المكتب لمنشأتك، أو جرّب المنشأة التجريبية أولًا لترى كيف تسير حالة استعادة رضا الضيف.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+28"/>
        <source>Site name</source>
        <translation>اسم المنشأة</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Kind of site</source>
        <translation>نوع المنشأة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hotel</source>
        <translation>فندق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restaurant</source>
        <translation>مطعم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Currency (ISO code)</source>
        <translation>العملة (رمز ISO)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Language and number format</source>
        <translation>اللغة وتنسيق الأرقام</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First manager&apos;s name</source>
        <translation>اسم المدير الأول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN</source>
        <translation>الرمز السري للمدير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN again</source>
        <translation>الرمز السري للمدير مرة أخرى</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale</source>
        <translation>الإعدادات المحلية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>مدير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN (4–8 digits)</source>
        <translation>الرمز السري (4–8 أرقام)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN again</source>
        <translation>الرمز السري مرة أخرى</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Create site</source>
        <translation>إنشاء المنشأة</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Try the demo site</source>
        <translation>تجربة المنشأة التجريبية</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Give the site a name.</source>
        <translation>أعطِ المنشأة اسمًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose hotel or restaurant.</source>
        <translation>اختر فندقًا أو مطعمًا.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a currency code: use three letters such as USD, EUR, JPY.</source>
        <translation>ليس رمز عملة: استخدم ثلاثة أحرف مثل USD أو EUR أو JPY.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a time zone from the list, such as Europe/Paris.</source>
        <translation>اختر منطقة زمنية من القائمة، مثل Europe/Paris.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a locale: use a name such as en_US or fr_FR.</source>
        <translation>ليست إعدادات محلية: استخدم اسمًا مثل en_US أو fr_FR.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the first manager&apos;s name.</source>
        <translation>اكتب اسم المدير الأول.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is 4 to 8 digits, and not an easy one like 0000 or 1234.</source>
        <translation>الرمز السري من 4 إلى 8 أرقام، وليس رمزًا سهلًا مثل 0000 أو 1234.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs differ.</source>
        <translation>الرمزان السريان مختلفان.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="+11"/>
        <location filename="../../desktop/ui/signin.py" line="+197"/>
        <location line="+5"/>
        <location line="+69"/>
        <location line="+39"/>
        <location line="+38"/>
        <location line="+4"/>
        <source>Opening the case log…</source>
        <translation>جارٍ فتح سجل الحالات…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/signin.py" line="-281"/>
        <source>Who is at the desk?</source>
        <translation>من على المكتب؟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap your name, or type its first letters.</source>
        <translation>المس اسمك، أو اكتب أوائل حروفه.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+167"/>
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Sign-in message</source>
        <translation>رسالة تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pin_pad.py" line="+30"/>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear PIN</source>
        <translation>مسح الرمز السري</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <location filename="../../desktop/ui/signin.py" line="+166"/>
        <source>Sign in</source>
        <translation>دخول</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Digit %1</source>
        <translation>الرقم %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/signin.py" line="-93"/>
        <source>Demo site. PINs: %1</source>
        <translation>منشأة تجريبية. الرموز السرية: %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>New PIN</source>
        <translation>الرمز السري الجديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New PIN again</source>
        <translation>الرمز السري الجديد مرة أخرى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set PIN and sign in</source>
        <translation>تعيين الرمز السري والدخول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the new PIN again.</source>
        <translation>اكتب الرمز السري الجديد مرة أخرى.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pick your name first.</source>
        <translation>اختر اسمك أولًا.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your new PIN.</source>
        <translation>اكتب رمزك السري الجديد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type your PIN.</source>
        <translation>اكتب رمزك السري.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>That person can no longer sign in here.</source>
        <translation>لم يعد بإمكان هذا الشخص تسجيل الدخول هنا.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong PIN. Try again.</source>
        <translation>الرمز السري غير صحيح. حاول مرة أخرى.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>You can try your PIN again.</source>
        <translation>يمكنك تجربة رمزك السري مرة أخرى.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>الرمز السري غير صحيح. حاول مرة أخرى بعد %1 ث.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>محاولات خاطئة كثيرة. حاول مرة أخرى بعد %1 ث.</translation>
    </message>
</context>
<context>
    <name>SlipBar</name>
    <message>
        <location filename="../../desktop/ui/slips_ui.py" line="-283"/>
        <source>&amp;Print voucher and apology (Ctrl+P)</source>
        <translation>&amp;طباعة القسيمة والاعتذار (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the voucher and the apology</source>
        <translation>طباعة القسيمة والاعتذار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print &amp;voucher</source>
        <translation>طباعة ال&amp;قسيمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the voucher</source>
        <translation>طباعة القسيمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print &amp;apology</source>
        <translation>طباعة الا&amp;عتذار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the apology</source>
        <translation>طباعة الاعتذار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which slip</source>
        <translation>أي مطبوعة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>طباعة…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print with the print dialog</source>
        <translation>الطباعة عبر نافذة الطباعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save PDF</source>
        <translation>حفظ PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the slip as PDF</source>
        <translation>حفظ المطبوعة بصيغة PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code</source>
        <translation>رمز القسيمة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing message</source>
        <translation>رسالة الطباعة</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Voucher %1</source>
        <translation>القسيمة %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apology letter</source>
        <translation>رسالة الاعتذار</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voucher code: %1</source>
        <translation>رمز القسيمة: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Making the slip…</source>
        <translation>جارٍ إعداد المطبوعة…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No printer is set up for this slip, or it is not connected.</source>
        <translation>لا توجد طابعة معدّة لهذه المطبوعة، أو أنها غير موصولة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer did not take the slip.</source>
        <translation>لم تستقبل الطابعة المطبوعة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>The slip is saved as %1.</source>
        <translation>حُفظت المطبوعة باسم %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not save there (%1). The slip is kept as %2.</source>
        <translation>تعذّر الحفظ هناك (%1). المطبوعة محفوظة باسم %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sent to the printer. A copy is kept as %1.</source>
        <translation>أُرسلت إلى الطابعة. نسخة محفوظة باسم %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the receipt printer. A copy is kept as %1.</source>
        <translation>أُرسلت إلى طابعة الإيصالات. نسخة محفوظة باسم %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the printer (job %2). A copy is kept as %1.</source>
        <translation>أُرسلت إلى الطابعة (المهمة %2). نسخة محفوظة باسم %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>قسيمة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apology</source>
        <translation>الاعتذار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Save slip as PDF</source>
        <translation>حفظ المطبوعة بصيغة PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as %1.</source>
        <translation>حُفظ باسم %1.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desktop/ui/staff.py" line="+51"/>
        <source>Staff</source>
        <translation>الموظفون</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add someone…</source>
        <translation>إضافة شخص…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add someone to the staff</source>
        <translation>إضافة شخص إلى الموظفين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role…</source>
        <translation>تغيير الدور…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the chosen person&apos;s role</source>
        <translation>تغيير دور الشخص المختار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate…</source>
        <translation>إلغاء التفعيل…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate the chosen person</source>
        <translation>إلغاء تفعيل الشخص المختار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN…</source>
        <translation>إعادة تعيين الرمز السري…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the chosen person&apos;s PIN</source>
        <translation>إعادة تعيين الرمز السري للشخص المختار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose a person, then what to do. Deactivated people stay on the list: their name stays in the history.</source>
        <translation>اختر شخصًا، ثم ما تريد فعله. يبقى من أُلغي تفعيلهم في القائمة: تبقى أسماؤهم في السجل التاريخي.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was done</source>
        <translation>ما الذي تم</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New person&apos;s name</source>
        <translation>اسم الشخص الجديد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New person&apos;s role</source>
        <translation>دور الشخص الجديد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New person&apos;s PIN</source>
        <translation>الرمز السري للشخص الجديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New person&apos;s PIN again</source>
        <translation>الرمز السري للشخص الجديد مرة أخرى</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN again</source>
        <translation>الرمز السري مرة أخرى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new person types their PIN, twice.</source>
        <translation>يكتب الشخص الجديد رمزه السري، مرتين.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add this person</source>
        <translation>إضافة هذا الشخص</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add someone</source>
        <translation>إضافة شخص</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New role</source>
        <translation>الدور الجديد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save role</source>
        <translation>حفظ الدور</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the new role</source>
        <translation>حفظ الدور الجديد</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Question</source>
        <translation>سؤال</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What is wrong</source>
        <translation>ما الخطأ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Added %1 as %2.</source>
        <translation>أُضيف %1 بدور %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New role for %1:</source>
        <translation>الدور الجديد لـ %1:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is now %2.</source>
        <translation>أصبح %1 الآن %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deactivate %1? They will never be able to sign in again. Their name stays in the history of their cases.</source>
        <translation>إلغاء تفعيل %1؟ لن يتمكن من تسجيل الدخول مرة أخرى أبدًا. يبقى اسمه في سجل حالاته.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate</source>
        <translation>إلغاء التفعيل</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is deactivated and can no longer sign in.</source>
        <translation>أُلغي تفعيل %1 ولم يعد بإمكانه تسجيل الدخول.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reset %1&apos;s PIN? Their PIN stops working now; they choose a new one at their next sign-in.</source>
        <translation>إعادة تعيين الرمز السري لـ %1؟ يتوقف رمزه السري عن العمل الآن؛ ويختار رمزًا جديدًا عند تسجيل دخوله التالي.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset PIN</source>
        <translation>إعادة تعيين الرمز السري</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 chooses a new PIN at their next sign-in.</source>
        <translation>سيختار %1 رمزًا سريًا جديدًا عند تسجيل دخوله التالي.</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <location filename="../../desktop/ui/staff_menu.py" line="+25"/>
        <source>&amp;Staff…</source>
        <translation>ال&amp;موظفون…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change &amp;my PIN…</source>
        <translation>&amp;تغيير رمزي السري…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your PIN is changed.</source>
        <translation>تم تغيير رمزك السري.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="-129"/>
        <source>Head office</source>
        <translation>المقر الرئيسي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync state</source>
        <translation>وضع المزامنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events waiting</source>
        <translation>أحداث بانتظار الإرسال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synced</source>
        <translation>آخر مزامنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem</source>
        <translation>آخر مشكلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events held back</source>
        <translation>أحداث محجوزة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State:</source>
        <translation>الوضع:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be sent:</source>
        <translation>بانتظار الإرسال:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synced:</source>
        <translation>آخر مزامنة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem:</source>
        <translation>آخر مشكلة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held back:</source>
        <translation>محجوزة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>مزامنة الآن</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Enrol this desk in Settings → Head office…</source>
        <translation>سجّل هذا المكتب من الإعدادات ← المقر الرئيسي…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <location line="+1"/>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <location line="-145"/>
        <source>Head office sync</source>
        <translation>المزامنة مع المقر الرئيسي</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%1 — %n event(s) held back</source>
        <translation>
            <numerusform>%1 — لا أحداث محجوزة</numerusform>
            <numerusform>%1 — حدث واحد محجوز</numerusform>
            <numerusform>%1 — حدثان محجوزان</numerusform>
            <numerusform>%1 — %n أحداث محجوزة</numerusform>
            <numerusform>%1 — %n حدثًا محجوزًا</numerusform>
            <numerusform>%1 — %n حدث محجوز</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click for details</source>
        <translation>انقر لمعرفة التفاصيل</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not connected to head office</source>
        <translation>غير متصل بالمقر الرئيسي</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Offline — %n event(s) waiting</source>
        <translation>
            <numerusform>غير متصل — لا أحداث بالانتظار</numerusform>
            <numerusform>غير متصل — حدث واحد بالانتظار</numerusform>
            <numerusform>غير متصل — حدثان بالانتظار</numerusform>
            <numerusform>غير متصل — %n أحداث بالانتظار</numerusform>
            <numerusform>غير متصل — %n حدثًا بالانتظار</numerusform>
            <numerusform>غير متصل — %n حدث بالانتظار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sync problem — %n event(s) waiting</source>
        <translation>
            <numerusform>مشكلة في المزامنة — لا أحداث بالانتظار</numerusform>
            <numerusform>مشكلة في المزامنة — حدث واحد بالانتظار</numerusform>
            <numerusform>مشكلة في المزامنة — حدثان بالانتظار</numerusform>
            <numerusform>مشكلة في المزامنة — %n أحداث بالانتظار</numerusform>
            <numerusform>مشكلة في المزامنة — %n حدثًا بالانتظار</numerusform>
            <numerusform>مشكلة في المزامنة — %n حدث بالانتظار</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>جارٍ المزامنة…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Synced just now</source>
        <translation>تمت المزامنة للتو</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>تمت المزامنة منذ أقل من دقيقة</numerusform>
            <numerusform>تمت المزامنة منذ دقيقة</numerusform>
            <numerusform>تمت المزامنة منذ دقيقتين</numerusform>
            <numerusform>تمت المزامنة منذ %n دقائق</numerusform>
            <numerusform>تمت المزامنة منذ %n دقيقة</numerusform>
            <numerusform>تمت المزامنة منذ %n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Synced %n h ago</source>
        <translation>
            <numerusform>تمت المزامنة منذ أقل من ساعة</numerusform>
            <numerusform>تمت المزامنة منذ ساعة</numerusform>
            <numerusform>تمت المزامنة منذ ساعتين</numerusform>
            <numerusform>تمت المزامنة منذ %n ساعات</numerusform>
            <numerusform>تمت المزامنة منذ %n ساعة</numerusform>
            <numerusform>تمت المزامنة منذ %n ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Synced %n days ago</source>
        <translation>
            <numerusform>تمت المزامنة اليوم</numerusform>
            <numerusform>تمت المزامنة منذ يوم</numerusform>
            <numerusform>تمت المزامنة منذ يومين</numerusform>
            <numerusform>تمت المزامنة منذ %n أيام</numerusform>
            <numerusform>تمت المزامنة منذ %n يومًا</numerusform>
            <numerusform>تمت المزامنة منذ %n يوم</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vouchers</name>
    <message>
        <location filename="../../desktop/ui/vouchers.py" line="+38"/>
        <source>Valid: %1 — %2 for %3, until %4.</source>
        <translation>صالحة: %1 — %2 لـ %3، حتى %4.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeemed: %1 — %2 for %3.</source>
        <translation>مصروفة: %1 — %2 لـ %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>at this desk</source>
        <translation>في هذا المكتب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at another desk</source>
        <translation>في مكتب آخر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already redeemed on %1 %2 by %3. It cannot be used twice.</source>
        <translation>صُرفت بالفعل في %1 %2 بواسطة %3. لا يمكن استخدامها مرتين.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No voucher with this code was issued here.</source>
        <translation>لم تصدر هنا أي قسيمة بهذا الرمز.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This voucher has expired.</source>
        <translation>انتهت صلاحية هذه القسيمة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher was voided.</source>
        <translation>أُبطلت هذه القسيمة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher does not verify: it may be forged. Keep the slip and call a supervisor.</source>
        <translation>لا يمكن التحقق من هذه القسيمة: قد تكون مزوّرة. احتفظ بالورقة واستدعِ المشرف.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is not a voucher code: check each character and type it again.</source>
        <translation>هذا ليس رمز قسيمة: تحقّق من كل حرف واكتبه مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>VouchersDialog</name>
    <message>
        <location line="+17"/>
        <source>Vouchers</source>
        <translation>القسائم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code or scanned QR</source>
        <translation>رمز القسيمة أو رمز QR الممسوح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the code or scan the QR</source>
        <translation>اكتب الرمز أو امسح رمز QR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check</source>
        <translation>&amp;تحقّق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check voucher</source>
        <translation>التحقق من القسيمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redeem</source>
        <translation>&amp;صرف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeem voucher</source>
        <translation>صرف القسيمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason to void</source>
        <translation>سبب الإبطال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>V&amp;oid</source>
        <translation>إب&amp;طال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void voucher</source>
        <translation>إبطال القسيمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher check result</source>
        <translation>نتيجة التحقق من القسيمة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why it is voided, for the log</source>
        <translation>سبب إبطالها، للسجل</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason to &amp;void</source>
        <translation>سبب الإ&amp;بطال</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Voided.</source>
        <translation>أُبطلت.</translation>
    </message>
</context>
<context>
    <name>WholeChainCheck</name>
    <message>
        <location filename="../../desktop/ui/chain_check.py" line="+31"/>
        <source>Checking the case log…</source>
        <translation>جارٍ فحص سجل الحالات…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case log check</source>
        <translation>فحص سجل الحالات</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking the case log… %1 %</source>
        <translation>جارٍ فحص سجل الحالات… %1 %</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The case log no longer verifies</source>
        <translation>لم يعد التحقق من سجل الحالات ممكنًا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case log verified</source>
        <translation>تم التحقق من سجل الحالات</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The case log could not be checked; run amends doctor</source>
        <translation>تعذّر فحص سجل الحالات؛ شغّل amends doctor</translation>
    </message>
</context>
</TS>
