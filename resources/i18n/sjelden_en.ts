<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DiagnosisPicker</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileTransport</name>
    <message numerus="yes">
        <source>%n batch(es) written to %1. Send the files to the register as agreed; the receipt comes back as a file to import.</source>
        <translation>
            <numerusform>%n batch written to %1. Send the file to the register as agreed; the receipt comes back as a file to import.</numerusform>
            <numerusform>%n batches written to %1. Send the files to the register as agreed; the receipt comes back as a file to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receipts: %n</source>
        <translation>
            <numerusform>Receipts: %n</numerusform>
            <numerusform>Receipts: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Feedback documents: %n</source>
        <translation>
            <numerusform>Feedback documents: %n</numerusform>
            <numerusform>Feedback documents: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted by the register: %n</source>
        <translation>
            <numerusform>Accepted by the register: %n</numerusform>
            <numerusform>Accepted by the register: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected by the register: %n</source>
        <translation>
            <numerusform>Rejected by the register: %n</numerusform>
            <numerusform>Rejected by the register: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n registration(s)</source>
        <translation>
            <numerusform>%n registration</numerusform>
            <numerusform>%n registrations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphrasePair</name>
    <message numerus="yes">
        <source>Too short: add %n more character(s).</source>
        <translation>
            <numerusform>Too short: add %n more character.</numerusform>
            <numerusform>Too short: add %n more characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message numerus="yes">
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>You can try again in %n second.</numerusform>
            <numerusform>You can try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database is older than its last known state: %n change(s) are missing (the file was emptied, replaced or rolled back). It was not opened.</source>
        <translation>
            <numerusform>The database is older than its last known state: %n change is missing (the file was emptied, replaced or rolled back). It was not opened.</numerusform>
            <numerusform>The database is older than its last known state: %n changes are missing (the file was emptied, replaced or rolled back). It was not opened.</numerusform>
        </translation>
    </message>
</context>
</TS>
