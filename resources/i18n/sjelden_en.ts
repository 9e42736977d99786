<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditPanel</name>
    <message numerus="yes">
        <source>%n checkpoint(s) sent to the inbox; it held %1 already.</source>
        <translation>
            <numerusform>%n checkpoint sent to the inbox; it held %1 already.</numerusform>
            <numerusform>%n checkpoints sent to the inbox; it held %1 already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The inbox&apos;s %n checkpoint copy(ies) match the audit log and are signed by the register&apos;s members.</source>
        <translation>
            <numerusform>The inbox&apos;s %n checkpoint copy matches the audit log and is signed by the register&apos;s members.</numerusform>
            <numerusform>The inbox&apos;s %n checkpoint copies match the audit log and are signed by the register&apos;s members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
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
        <source>%n completed registration(s) could not be packed because the profile is read-only; they go next time the profile can be written.</source>
        <translation>
            <numerusform>%n completed registration could not be packed because the profile is read-only; it goes next time the profile can be written.</numerusform>
            <numerusform>%n completed registrations could not be packed because the profile is read-only; they go next time the profile can be written.</numerusform>
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
    <message numerus="yes">
        <source>Deleted from this PC because the person has reserved themselves against the register: %n</source>
        <translation>
            <numerusform>Deleted from this PC because the person has reserved themselves against the register: %n</numerusform>
            <numerusform>Deleted from this PC because the person has reserved themselves against the register: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Earlier revisions deleted because the person in them has reserved themselves against the register (the registrations are kept): %n</source>
        <translation>
            <numerusform>Earlier revisions deleted because the person in them has reserved themselves against the register (the registrations are kept): %n</numerusform>
            <numerusform>Earlier revisions deleted because the person in them has reserved themselves against the register (the registrations are kept): %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LettersPanel</name>
    <message numerus="yes">
        <source>%n letter(s) written to %1. The file holds patient data (names and addresses): print it, then delete it. Mark the run as sent once the letters are posted.</source>
        <translation>
            <numerusform>%n letter written to %1. The file holds patient data (names and addresses): print it, then delete it. Mark the run as sent once the letter is posted.</numerusform>
            <numerusform>%n letters written to %1. The file holds patient data (names and addresses): print it, then delete it. Mark the run as sent once the letters are posted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) have no postal address and were not printed (look the address up): %1.</source>
        <translation>
            <numerusform>%n person has no postal address and was not printed (look the address up): %1.</numerusform>
            <numerusform>%n persons have no postal address and were not printed (look the addresses up): %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) marked as sent; the letter date is kept.</source>
        <translation>
            <numerusform>%n letter marked as sent; the letter date is kept.</numerusform>
            <numerusform>%n letters marked as sent; the letter date is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The slip %1 names %2. Record a reservation? This deletes the %n registration(s) listed below from the register and the queue, and blocks new ones. This cannot be undone.</source>
        <translation>
            <numerusform>The slip %1 names %2. Record a reservation? This deletes the registration listed below from the register and the queue, and blocks new ones. This cannot be undone.</numerusform>
            <numerusform>The slip %1 names %2. Record a reservation? This deletes the %n registrations listed below from the register and the queue, and blocks new ones. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reservation recorded from the returned slip. Deleted: %n registration(s).</source>
        <translation>
            <numerusform>Reservation recorded from the returned slip. Deleted: %n registration.</numerusform>
            <numerusform>Reservation recorded from the returned slip. Deleted: %n registrations.</numerusform>
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
    <name>MembersPanel</name>
    <message numerus="yes">
        <source>New data key: %n sealed payload(s) sealed again under it. New register key %1.</source>
        <translation>
            <numerusform>New data key: %n sealed payload sealed again under it. New register key %1.</numerusform>
            <numerusform>New data key: %n sealed payloads sealed again under it. New register key %1.</numerusform>
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
    <name>QuarantineDialog</name>
    <message numerus="yes">
        <source>%n batch(es) imported.</source>
        <translation>
            <numerusform>%n batch imported.</numerusform>
            <numerusform>%n batches imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused again and still in quarantine (the reason is in the list).</source>
        <translation>
            <numerusform>%n refused again and still in quarantine (the reason is in the list).</numerusform>
            <numerusform>%n refused again and still in quarantine (the reasons are in the list).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %n batch(es) for good? Their registrations are not imported; the clinic must send them again. This cannot be undone.</source>
        <translation>
            <numerusform>Discard %n batch for good? Its registrations are not imported; the clinic must send them again. This cannot be undone.</numerusform>
            <numerusform>Discard %n batches for good? Their registrations are not imported; the clinic must send them again. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Discard %n batch(es)</source>
        <translation>
            <numerusform>&amp;Discard %n batch</numerusform>
            <numerusform>&amp;Discard %n batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) discarded.</source>
        <translation>
            <numerusform>%n batch discarded.</numerusform>
            <numerusform>%n batches discarded.</numerusform>
        </translation>
    </message>
</context>
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
    <message numerus="yes">
        <source>%n registration(s)</source>
        <translation>
            <numerusform>%n registration</numerusform>
            <numerusform>%n registrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier revision(s)</source>
        <translation>
            <numerusform>%n earlier revision</numerusform>
            <numerusform>%n earlier revisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting in the queue</source>
        <translation>
            <numerusform>%n waiting in the queue</numerusform>
            <numerusform>%n waiting in the queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Also deleted: %n quarantined batch(es) holding a record of the person.</source>
        <translation>
            <numerusform>Also deleted: %n quarantined batch holding a record of the person.</numerusform>
            <numerusform>Also deleted: %n quarantined batches holding a record of the person.</numerusform>
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
    <message numerus="yes">
        <source>%n were decided by another staff member meanwhile; nothing to do for them.</source>
        <translation>
            <numerusform>%n was decided by another staff member meanwhile; nothing to do for it.</numerusform>
            <numerusform>%n were decided by another staff member meanwhile; nothing to do for them.</numerusform>
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
        <source>%n registration(s) need correction before sending – see the list.</source>
        <translation>
            <numerusform>%n registration needs correction before sending – see the list.</numerusform>
            <numerusform>%n registrations need correction before sending – see the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) accepted by the register.</source>
        <translation>
            <numerusform>%n registration accepted by the register.</numerusform>
            <numerusform>%n registrations accepted by the register.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) were deleted from this PC because the person has reserved themselves against the register.</source>
        <translation>
            <numerusform>%n registration was deleted from this PC because the person has reserved themselves against the register.</numerusform>
            <numerusform>%n registrations were deleted from this PC because the person has reserved themselves against the register.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier revision(s) were deleted from this PC because the person in them has reserved themselves against the register; the registrations are kept.</source>
        <translation>
            <numerusform>%n earlier revision was deleted from this PC because the person in it has reserved themselves against the register; the registration is kept.</numerusform>
            <numerusform>%n earlier revisions were deleted from this PC because the person in them has reserved themselves against the register; the registrations are kept.</numerusform>
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
