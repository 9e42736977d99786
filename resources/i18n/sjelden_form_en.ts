<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>RegistrationEditor</name>
    <message numerus="yes">
        <source>The registration has been accepted by the register, and its personal data were deleted from this PC after %n day(s).</source>
        <translation>
            <numerusform>The registration has been accepted by the register, and its personal data were deleted from this PC after %n day.</numerusform>
            <numerusform>The registration has been accepted by the register, and its personal data were deleted from this PC after %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot complete: correct %n error(s) first.</source>
        <translation>
            <numerusform>Cannot complete: correct %n error first.</numerusform>
            <numerusform>Cannot complete: correct %n errors first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n warning(s) in the list (Space), then complete.</source>
        <translation>
            <numerusform>Confirm %n warning in the list (Space), then complete.</numerusform>
            <numerusform>Confirm %n warnings in the list (Space), then complete.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) to confirm</source>
        <translation>
            <numerusform>%n warning to confirm</numerusform>
            <numerusform>%n warnings to confirm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to correct before completing</source>
        <translation>
            <numerusform>%n to correct before completing</numerusform>
            <numerusform>%n to correct before completing</numerusform>
        </translation>
    </message>
</context>
</TS>
