<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>RegisterKeyDialog</name>
    <message numerus="yes">
        <source>%n waiting batch(es) will be re-packed with the new key at the next sync.</source>
        <translation>
            <numerusform>%n waiting batch will be re-packed with the new key at the next sync.</numerusform>
            <numerusform>%n waiting batches will be re-packed with the new key at the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message numerus="yes">
        <source>%n registration(s) rejected by the register – see the list.</source>
        <translation>
            <numerusform>%n registration rejected by the register – see the list.</numerusform>
            <numerusform>%n registrations rejected by the register – see the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) set aside before sending – see the list.</source>
        <translation>
            <numerusform>%n registration set aside before sending – see the list.</numerusform>
            <numerusform>%n registrations set aside before sending – see the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) accepted by the register.</source>
        <translation>
            <numerusform>%n registration accepted by the register.</numerusform>
            <numerusform>%n registrations accepted by the register.</numerusform>
        </translation>
    </message>
</context>
</TS>
