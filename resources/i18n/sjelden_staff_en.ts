<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BarChart</name>
    <message numerus="yes">
        <source>%n group(s). Largest: %1</source>
        <translation>
            <numerusform>%n group. Largest: %1</numerusform>
            <numerusform>%n groups. Largest: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReservationsPanel</name>
    <message numerus="yes">
        <source>Record a reservation for %1? This deletes the %n registration(s) listed below from the register and the queue, and blocks new ones. This cannot be undone.</source>
        <translation>
            <numerusform>Record a reservation for %1? This deletes the registration listed below from the register and the queue, and blocks new ones. This cannot be undone.</numerusform>
            <numerusform>Record a reservation for %1? This deletes the %n registrations listed below from the register and the queue, and blocks new ones. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier revision(s) of these registrations are deleted too.</source>
        <translation>
            <numerusform>%n earlier revision of these registrations is deleted too.</numerusform>
            <numerusform>%n earlier revisions of these registrations are deleted too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <source>%n registration(s) awaiting review</source>
        <translation>
            <numerusform>%n registration awaiting review</numerusform>
            <numerusform>%n registrations awaiting review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clean</source>
        <translation>
            <numerusform>%n clean</numerusform>
            <numerusform>%n clean</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n registration(s) without findings? They go into the register, and the clinics are told when the decisions are sent.</source>
        <translation>
            <numerusform>Accept %n registration without findings? It goes into the register, and the clinic is told when the decisions are sent.</numerusform>
            <numerusform>Accept %n registrations without findings? They go into the register, and the clinics are told when the decisions are sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Accept %n registration(s)</source>
        <translation>
            <numerusform>&amp;Accept %n registration</numerusform>
            <numerusform>&amp;Accept %n registrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) accepted.</source>
        <translation>
            <numerusform>%n registration accepted.</numerusform>
            <numerusform>%n registrations accepted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need a decision of their own (the register changed meanwhile).</source>
        <translation>
            <numerusform>%n needs a decision of their own (the register changed meanwhile).</numerusform>
            <numerusform>%n need a decision of their own (the register changed meanwhile).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message numerus="yes">
        <source>%n awaiting review</source>
        <translation>
            <numerusform>%n awaiting review</numerusform>
            <numerusform>%n awaiting review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) imported</source>
        <translation>
            <numerusform>%n batch imported</numerusform>
            <numerusform>%n batches imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) to review</source>
        <translation>
            <numerusform>%n registration to review</numerusform>
            <numerusform>%n registrations to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) in quarantine</source>
        <translation>
            <numerusform>%n batch in quarantine</numerusform>
            <numerusform>%n batches in quarantine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision document(s) sent.</source>
        <translation>
            <numerusform>%n decision document sent.</numerusform>
            <numerusform>%n decision documents sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the inbox (%1).</source>
        <translation>
            <numerusform>%n refused by the inbox (%1).</numerusform>
            <numerusform>%n refused by the inbox (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>%n file written.</numerusform>
            <numerusform>%n files written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) exported.</source>
        <translation>
            <numerusform>%n registration exported.</numerusform>
            <numerusform>%n registrations exported.</numerusform>
        </translation>
    </message>
</context>
</TS>
