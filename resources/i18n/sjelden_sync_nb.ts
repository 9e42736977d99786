<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synkroniseringsfremdrift</translation>
    </message>
    <message>
        <source>Completed, not sent</source>
        <translation>Ferdigstilt, ikke sendt</translation>
    </message>
    <message>
        <source>In the outbox</source>
        <translation>I utboksen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>Set aside (need correction)</source>
        <translation>Satt til side (må rettes)</translation>
    </message>
    <message>
        <source>Sending %v of %m</source>
        <translation>Sender %v av %m</translation>
    </message>
    <message>
        <source>Sync failed unexpectedly: %1</source>
        <translation>Synkroniseringen feilet uventet: %1</translation>
    </message>
    <message>
        <source>This PC is not enrolled with the register.</source>
        <translation>Denne PC-en er ikke registrert hos registeret.</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Sist synkronisert: %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Ikke synkronisert ennå</translation>
    </message>
</context>
</TS>
