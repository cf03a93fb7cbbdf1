<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AssistantPanel</name>
    <message numerus="yes">
        <source>Reading %n note(s)…</source>
        <translation>
            <numerusform>Reading one note…</numerusform>
            <numerusform>Reading %n notes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked against the notes: all %n sentence(s) are supported.</source>
        <translation>
            <numerusform>Checked against the notes: the sentence is supported.</numerusform>
            <numerusform>Checked against the notes: all %n sentences are supported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked against the notes: {k} of %n sentence(s) are supported; check the others.</source>
        <translation>
            <numerusform>Checked against the notes: {k} of one sentence is supported; check it.</numerusform>
            <numerusform>Checked against the notes: {k} of %n sentences are supported; check the others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing the answer: %n word(s) so far. It appears once checked.</source>
        <translation>
            <numerusform>Writing the answer: one word so far. It appears once checked.</numerusform>
            <numerusform>Writing the answer: %n words so far. It appears once checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing the answer: %n word(s) so far, about {left} s left. It appears once checked.</source>
        <translation>
            <numerusform>Writing the answer: one word so far, about {left} s left. It appears once checked.</numerusform>
            <numerusform>Writing the answer: %n words so far, about {left} s left. It appears once checked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message numerus="yes">
        <source>%n older backup(s) were removed.</source>
        <translation>
            <numerusform>One older backup was removed.</numerusform>
            <numerusform>%n older backups were removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlowsheetDialog</name>
    <message numerus="yes">
        <source>%n value(s) that cannot be right are flagged in the table and left out of the plots.</source>
        <translation>
            <numerusform>One value that cannot be right is flagged in the table and left out of the plots.</numerusform>
            <numerusform>%n values that cannot be right are flagged in the table and left out of the plots.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message numerus="yes">
        <source>All %n model(s) match their SHA-256.</source>
        <translation>
            <numerusform>The model matches its SHA-256.</numerusform>
            <numerusform>All %n models match their SHA-256.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n passage(s) of the notes are embedded with {model}.</source>
        <translation>
            <numerusform>The one passage of the notes is embedded with {model}.</numerusform>
            <numerusform>All %n passages of the notes are embedded with {model}.</numerusform>
        </translation>
    </message>
</context>
</TS>
