<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
            <translatorcomment>nn: %1
Fann ikkje mappa.
Kontroller at du har oppgjeve rett mappenamn.</translatorcomment>
            <translation>%1
Fant ikke mappen.
Kontroller at du har skrevet riktig mappenavn.</translation>
        </message>
        <message>
            <source>%1
File not found.
Please verify the correct file name was given.</source>
            <translatorcomment>nn: %1
Fann ikkje fila.
Kontroller at du har oppgjeve rett filnamn.</translatorcomment>
            <translation>%1
Fant ikke filen.
Kontroller at du har skrevet riktig filnavn.</translation>
        </message>
        <message>
            <source>%1 already exists.
Do you want to replace it?</source>
            <translatorcomment>nn: %1 finst frå før.
Vil du byta ho ut?</translatorcomment>
            <translation>%1 finnes allerede.
Vil du erstatte den?</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translatorcomment>nn: &amp;Vel</translatorcomment>
            <translation>&amp;Velg</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translatorcomment>nn: &amp;Slett</translatorcomment>
            <translation>&amp;Slett</translation>
        </message>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Søk i:</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translatorcomment>nn: &amp;Ny mappe</translatorcomment>
            <translation>&amp;Ny mappe</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translatorcomment>nn: &amp;Opna</translatorcomment>
            <translation>&amp;Åpne</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translatorcomment>nn: &amp;Endra namn</translatorcomment>
            <translation>&amp;Gi nytt navn</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translatorcomment>nn: &amp;Lagra</translatorcomment>
            <translation>&amp;Lagre</translation>
        </message>
        <message>
            <source>'%1' is write protected.
Do you want to delete it anyway?</source>
            <translatorcomment>nn: «%1» er skriveverna.
Vil du likevel sletta ho?</translatorcomment>
            <translation>«%1» er skrivebeskyttet.
Vil du slette den likevel?</translation>
        </message>
        <message>
            <source>Alias</source>
            <translatorcomment>nn: Alias</translatorcomment>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Alias</source>
            <comment>Mac OS X Finder</comment>
            <translation>Alias</translation>
        </message>
        <message>
            <source>All Files (*)</source>
            <translatorcomment>nn: Alle filer (*)</translatorcomment>
            <translation>Alle filer (*)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translatorcomment>nn: Alle filer (*)</translatorcomment>
            <translation>Alle filer (*)</translation>
        </message>
        <message>
            <source>Alt+Left</source>
            <translatorcomment>nn: Alt+Left</translatorcomment>
            <translation>Alt+Left</translation>
        </message>
        <message>
            <source>Alt+Right</source>
            <translatorcomment>nn: Alt+Right</translatorcomment>
            <translation>Alt+Right</translation>
        </message>
        <message>
            <source>Alt+Up</source>
            <translatorcomment>nn: Alt+Up</translatorcomment>
            <translation>Alt+Up</translation>
        </message>
        <message>
            <source>Are you sure you want to delete '%1'?</source>
            <translatorcomment>nn: Er du sikker på at du vil sletta «%1»?</translatorcomment>
            <translation>Er du sikker på at du vil slette «%1»?</translation>
        </message>
        <message>
            <source>Back</source>
            <translatorcomment>nn: Tilbake</translatorcomment>
            <translation>Tilbake</translation>
        </message>
        <message>
            <source>Change to detail view mode</source>
            <translatorcomment>nn: Byt til detaljert vising</translatorcomment>
            <translation>Bytt til detaljvisning</translation>
        </message>
        <message>
            <source>Change to list view mode</source>
            <translatorcomment>nn: Byt til listevising</translatorcomment>
            <translation>Bytt til listevisning</translation>
        </message>
        <message>
            <source>Could not delete directory.</source>
            <translatorcomment>nn: Klarte ikkje sletta mappa.</translatorcomment>
            <translation>Kunne ikke slette mappen.</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translatorcomment>nn: Lag ny mappe</translatorcomment>
            <translation>Opprett ny mappe</translation>
        </message>
        <message>
            <source>Create a New Folder</source>
            <translatorcomment>nn: Lag ei ny mappe</translatorcomment>
            <translation>Opprett en ny mappe</translation>
        </message>
        <message>
            <source>Delete</source>
            <translatorcomment>nn: Slett</translatorcomment>
            <translation>Slett</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translatorcomment>nn: Detaljert vising</translatorcomment>
            <translation>Detaljvisning</translation>
        </message>
        <message>
            <source>Directories</source>
            <translatorcomment>nn: Mapper</translatorcomment>
            <translation>Mapper</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translatorcomment>nn: Mappe:</translatorcomment>
            <translation>Mappe:</translation>
        </message>
        <message>
            <source>Drive</source>
            <translatorcomment>nn: Stasjon</translatorcomment>
            <translation>Stasjon</translation>
        </message>
        <message>
            <source>File</source>
            <translatorcomment>nn: Fil</translatorcomment>
            <translation>Fil</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translatorcomment>nn: Fil&amp;namn:</translatorcomment>
            <translation>Fil&amp;navn:</translation>
        </message>
        <message>
            <source>Files</source>
            <translatorcomment>nn: Filer</translatorcomment>
            <translation>Filer</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Fil&amp;type:</translation>
        </message>
        <message>
            <source>Find Directory</source>
            <translatorcomment>nn: Finn mappe</translatorcomment>
            <translation>Finn mappe</translation>
        </message>
        <message>
            <source>Folder</source>
            <translatorcomment>nn: Mappe</translatorcomment>
            <translation>Mappe</translation>
        </message>
        <message>
            <source>Forward</source>
            <translatorcomment>nn: Fram</translatorcomment>
            <translation>Frem</translation>
        </message>
        <message>
            <source>Go back</source>
            <translatorcomment>nn: Gå tilbake</translatorcomment>
            <translation>Gå tilbake</translation>
        </message>
        <message>
            <source>Go forward</source>
            <translatorcomment>nn: Gå fram</translatorcomment>
            <translation>Gå frem</translation>
        </message>
        <message>
            <source>Go to the parent directory</source>
            <translatorcomment>nn: Gå til foreldermappa</translatorcomment>
            <translation>Gå til overordnet mappe</translation>
        </message>
        <message>
            <source>List View</source>
            <translatorcomment>nn: Listevising</translatorcomment>
            <translation>Listevisning</translation>
        </message>
        <message>
            <source>List of places and bookmarks</source>
            <translatorcomment>nn: Oversikt over stadar og bokmerke</translatorcomment>
            <translation>Liste over steder og bokmerker</translation>
        </message>
        <message>
            <source>Look in:</source>
            <translatorcomment>nn: Leit i:</translatorcomment>
            <translation>Søk i:</translation>
        </message>
        <message>
            <source>New Folder</source>
            <translatorcomment>nn: Ny mappe</translatorcomment>
            <translation>Ny mappe</translation>
        </message>
        <message>
            <source>Open</source>
            <translatorcomment>nn: Opna</translatorcomment>
            <translation>Åpne</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translatorcomment>nn: Foreldermappe</translatorcomment>
            <translation>Overordnet mappe</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translatorcomment>nn: Nyleg brukte stadar</translatorcomment>
            <translation>Nylige steder</translation>
        </message>
        <message>
            <source>Remove</source>
            <translatorcomment>nn: Fjern</translatorcomment>
            <translation>Fjern</translation>
        </message>
        <message>
            <source>Save As</source>
            <translatorcomment>nn: Lagra som</translatorcomment>
            <translation>Lagre som</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translatorcomment>nn: Snarveg</translatorcomment>
            <translation>Snarvei</translation>
        </message>
        <message>
            <source>Show </source>
            <translatorcomment>nn: Vis </translatorcomment>
            <translation>Vis </translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translatorcomment>nn: Vis &amp;gøymde filer</translatorcomment>
            <translation>Vis &amp;skjulte filer</translation>
        </message>
        <message>
            <source>Sidebar</source>
            <translatorcomment>nn: Sidestolpe</translatorcomment>
            <translation>Sidepanel</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translatorcomment>nn: Ukjend</translatorcomment>
            <translation>Ukjent</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Computer</source>
            <translatorcomment>nn: Datamaskin</translatorcomment>
            <translation>Datamaskin</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translatorcomment>nn: Sist endra</translatorcomment>
            <translation>Endret dato</translation>
        </message>
        <message>
            <source>Kind</source>
            <translatorcomment>nn: Variant</translatorcomment>
            <translation>Type</translation>
        </message>
        <message>
            <source>Name</source>
            <translatorcomment>nn: Namn</translatorcomment>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Size</source>
            <translatorcomment>nn: Storleik</translatorcomment>
            <translation>Størrelse</translation>
        </message>
        <message>
            <source>Type</source>
            <translatorcomment>nn: Type</translatorcomment>
            <translation>Type</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>&amp;No</source>
            <translatorcomment>nn: &amp;Nei</translatorcomment>
            <translation>&amp;Nei</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translatorcomment>nn: &amp;Ja</translatorcomment>
            <translation>&amp;Ja</translation>
        </message>
        <message>
            <source>Abort</source>
            <translatorcomment>nn: Avbryt</translatorcomment>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Apply</source>
            <translatorcomment>nn: Bruk</translatorcomment>
            <translation>Bruk</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translatorcomment>nn: Avbryt</translatorcomment>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Close</source>
            <translatorcomment>nn: Lukk</translatorcomment>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>Discard</source>
            <translatorcomment>nn: Forkast</translatorcomment>
            <translation>Forkast</translation>
        </message>
        <message>
            <source>Help</source>
            <translatorcomment>nn: Hjelp</translatorcomment>
            <translation>Hjelp</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translatorcomment>nn: Ignorer</translatorcomment>
            <translation>Ignorer</translation>
        </message>
        <message>
            <source>N&amp;o to All</source>
            <translatorcomment>nn: Nei til a&amp;lt</translatorcomment>
            <translation>N&amp;ei til alle</translation>
        </message>
        <message>
            <source>OK</source>
            <translatorcomment>nn: OK</translatorcomment>
            <translation>OK</translation>
        </message>
        <message>
            <source>Open</source>
            <translatorcomment>nn: Opna</translatorcomment>
            <translation>Åpne</translation>
        </message>
        <message>
            <source>Reset</source>
            <translatorcomment>nn: Nullstill</translatorcomment>
            <translation>Tilbakestill</translation>
        </message>
        <message>
            <source>Restore Defaults</source>
            <translatorcomment>nn: Tilbakestill til standard</translatorcomment>
            <translation>Gjenopprett standardverdier</translation>
        </message>
        <message>
            <source>Retry</source>
            <translatorcomment>nn: Prøv på nytt</translatorcomment>
            <translation>Prøv igjen</translation>
        </message>
        <message>
            <source>Save</source>
            <translatorcomment>nn: Lagra</translatorcomment>
            <translation>Lagre</translation>
        </message>
        <message>
            <source>Save All</source>
            <translatorcomment>nn: Lagra alt</translatorcomment>
            <translation>Lagre alle</translation>
        </message>
        <message>
            <source>Yes to &amp;All</source>
            <translatorcomment>nn: Ja til &amp;alt</translatorcomment>
            <translation>Ja til &amp;alle</translation>
        </message>
    </context>
    <context>
        <name>QGnomeTheme</name>
        <message>
            <source>&amp;Cancel</source>
            <translatorcomment>nn: &amp;Avbryt</translatorcomment>
            <translation>&amp;Avbryt</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translatorcomment>nn: &amp;Lukk</translatorcomment>
            <translation>&amp;Lukk</translation>
        </message>
        <message>
            <source>&amp;OK</source>
            <translatorcomment>nn: &amp;OK</translatorcomment>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translatorcomment>nn: &amp;Lagra</translatorcomment>
            <translation>&amp;Lagre</translation>
        </message>
        <message>
            <source>Close without Saving</source>
            <translatorcomment>nn: Lukk utan å lagra</translatorcomment>
            <translation>Lukk uten å lagre</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
            <translatorcomment>nn: &lt;h3&gt;Om Qt&lt;/h3&gt;&lt;p&gt;Dette programmet brukar Qt versjon %1.&lt;/p&gt;</translatorcomment>
            <translation>&lt;h3&gt;Om Qt&lt;/h3&gt;&lt;p&gt;Dette programmet bruker Qt versjon %1.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Qt is a C++ toolkit for cross-platform application development.&lt;/p&gt;&lt;p&gt;Qt provides single-source portability across all major desktop operating systems. It is also available for embedded Linux and other embedded and mobile operating systems.&lt;/p&gt;&lt;p&gt;Qt is available under multiple licensing options designed to accommodate the needs of our various users.&lt;/p&gt;&lt;p&gt;Qt licensed under our commercial license agreement is appropriate for development of proprietary/commercial software where you do not want to share any source code with third parties or otherwise cannot comply with the terms of GNU (L)GPL.&lt;/p&gt;&lt;p&gt;Qt licensed under GNU (L)GPL is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the respective licenses.&lt;/p&gt;&lt;p&gt;Please see &lt;a href="https://%2/"&gt;%2&lt;/a&gt; for an overview of Qt licensing.&lt;/p&gt;&lt;p&gt;Copyright (C) The Qt Company Ltd. and other contributors.&lt;/p&gt;&lt;p&gt;Qt and the Qt logo are trademarks of The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt is The Qt Company Ltd. product developed as an open source project. See &lt;a href="https://%3/"&gt;%3&lt;/a&gt; for more information.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Qt er et C++-verktøysett for utvikling av programmer på tvers av plattformer.&lt;/p&gt;&lt;p&gt;Qt gjør det mulig å bruke samme kildekode på alle de store operativsystemene for skrivebordet. Det finnes også for innebygd Linux og andre innebygde og mobile operativsystemer.&lt;/p&gt;&lt;p&gt;Qt tilbys under flere lisensordninger, tilpasset de ulike behovene brukerne har.&lt;/p&gt;&lt;p&gt;Qt under vår kommersielle lisensavtale passer for utvikling av proprietær/kommersiell programvare der du ikke vil dele kildekode med tredjeparter, eller av andre grunner ikke kan følge vilkårene i GNU (L)GPL.&lt;/p&gt;&lt;p&gt;Qt under GNU (L)GPL passer for utvikling av Qt-programmer når du kan følge vilkårene i de respektive lisensene.&lt;/p&gt;&lt;p&gt;Se &lt;a href="https://%2/"&gt;%2&lt;/a&gt; for en oversikt over lisensiering av Qt.&lt;/p&gt;&lt;p&gt;Copyright (C) The Qt Company Ltd. og andre bidragsytere.&lt;/p&gt;&lt;p&gt;Qt og Qt-logoen er varemerker for The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt er et produkt fra The Qt Company Ltd., utviklet som et åpen kildekode-prosjekt. Se &lt;a href="https://%3/"&gt;%3&lt;/a&gt; for mer informasjon.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Qt</source>
            <translatorcomment>nn: Om Qt</translatorcomment>
            <translation>Om Qt</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Hjelp</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translatorcomment>nn: Gøym detaljar …</translatorcomment>
            <translation>Skjul detaljer …</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Show Details...</source>
            <translatorcomment>nn: Vis detaljar …</translatorcomment>
            <translation>Vis detaljer …</translation>
        </message>
    </context>
    <context>
        <name>QDialogButtonBox</name>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Avbryt</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Lukk</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Nei</translation>
        </message>
        <message>
            <source>&amp;OK</source>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lagre</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Ja</translation>
        </message>
        <message>
            <source>Abort</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Bruk</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>Close without Saving</source>
            <translation>Lukk uten å lagre</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Forkast</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Hjelp</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translation>Ignorer</translation>
        </message>
        <message>
            <source>N&amp;o to All</source>
            <translation>N&amp;ei til alle</translation>
        </message>
        <message>
            <source>OK</source>
            <translatorcomment>nn: OK</translatorcomment>
            <translation>OK</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Åpne</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Tilbakestill</translation>
        </message>
        <message>
            <source>Restore Defaults</source>
            <translation>Gjenopprett standardverdier</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Prøv igjen</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lagre</translation>
        </message>
        <message>
            <source>Save All</source>
            <translation>Lagre alle</translation>
        </message>
        <message>
            <source>Yes to &amp;All</source>
            <translation>Ja til &amp;alle</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Copy</source>
            <translatorcomment>nn: &amp;Kopier</translatorcomment>
            <translation>&amp;Kopier</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translatorcomment>nn: &amp;Lim inn</translatorcomment>
            <translation>&amp;Lim inn</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translatorcomment>nn: &amp;Gjer om</translatorcomment>
            <translation>&amp;Gjør om</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translatorcomment>nn: &amp;Angra</translatorcomment>
            <translation>&amp;Angre</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translatorcomment>nn: Klipp &amp;ut</translatorcomment>
            <translation>Klipp &amp;ut</translation>
        </message>
        <message>
            <source>Delete</source>
            <translatorcomment>nn: Slett</translatorcomment>
            <translation>Slett</translation>
        </message>
        <message>
            <source>Select All</source>
            <translatorcomment>nn: Merk alt</translatorcomment>
            <translation>Merk alt</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Copy</source>
            <translatorcomment>nn: &amp;Kopier</translatorcomment>
            <translation>&amp;Kopier</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translatorcomment>nn: &amp;Lim inn</translatorcomment>
            <translation>&amp;Lim inn</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translatorcomment>nn: &amp;Gjer om</translatorcomment>
            <translation>&amp;Gjør om</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translatorcomment>nn: &amp;Angra</translatorcomment>
            <translation>&amp;Angre</translation>
        </message>
        <message>
            <source>Copy &amp;Link Location</source>
            <translatorcomment>nn: Kopier &amp;lenkjeadresse</translatorcomment>
            <translation>Kopier &amp;lenkeadresse</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translatorcomment>nn: Klipp &amp;ut</translatorcomment>
            <translation>Klipp &amp;ut</translation>
        </message>
        <message>
            <source>Delete</source>
            <translatorcomment>nn: Slett</translatorcomment>
            <translation>Slett</translation>
        </message>
        <message>
            <source>Select All</source>
            <translatorcomment>nn: Merk alt</translatorcomment>
            <translation>Merk alt</translation>
        </message>
    </context>
    <context>
        <name>QUnicodeControlCharacterMenu</name>
        <message>
            <source>FSI First strong isolate</source>
            <translatorcomment>nn: FSI første sterke isolator</translatorcomment>
            <translation>FSI Første sterke isolering</translation>
        </message>
        <message>
            <source>Insert Unicode control character</source>
            <translatorcomment>nn: Set inn Unicode-kontrollteikn</translatorcomment>
            <translation>Sett inn Unicode-kontrolltegn</translation>
        </message>
        <message>
            <source>LRE Start of left-to-right embedding</source>
            <translatorcomment>nn: LRE start på venstre-til-høgre-innebygging</translatorcomment>
            <translation>LRE Start på venstre-til-høyre-innebygging</translation>
        </message>
        <message>
            <source>LRI Left-to-right isolate</source>
            <translatorcomment>nn: LRI venstre-til-høgre-isolator</translatorcomment>
            <translation>LRI Venstre-til-høyre-isolering</translation>
        </message>
        <message>
            <source>LRM Left-to-right mark</source>
            <translatorcomment>nn: LRM venstre-til-høgre-merke</translatorcomment>
            <translation>LRM Venstre-til-høyre-merke</translation>
        </message>
        <message>
            <source>LRO Start of left-to-right override</source>
            <translatorcomment>nn: LRO start på venstre-til-høgre-overstyring</translatorcomment>
            <translation>LRO Start på venstre-til-høyre-overstyring</translation>
        </message>
        <message>
            <source>PDF Pop directional formatting</source>
            <translatorcomment>nn: PDF slutt retningsformatering</translatorcomment>
            <translation>PDF Slutt på retningsformatering</translation>
        </message>
        <message>
            <source>PDI Pop directional isolate</source>
            <translatorcomment>nn: PDI slutt retningsisolator</translatorcomment>
            <translation>PDI Slutt på retningsisolering</translation>
        </message>
        <message>
            <source>RLE Start of right-to-left embedding</source>
            <translatorcomment>nn: RLE start på høgre-til-venstre-innebygging</translatorcomment>
            <translation>RLE Start på høyre-til-venstre-innebygging</translation>
        </message>
        <message>
            <source>RLI Right-to-left isolate</source>
            <translatorcomment>nn: RLI høgre-til-venstre-isolator</translatorcomment>
            <translation>RLI Høyre-til-venstre-isolering</translation>
        </message>
        <message>
            <source>RLM Right-to-left mark</source>
            <translatorcomment>nn: RLM høgre-til-venstre-merke</translatorcomment>
            <translation>RLM Høyre-til-venstre-merke</translation>
        </message>
        <message>
            <source>RLO Start of right-to-left override</source>
            <translatorcomment>nn: RLO start på høgre-til-venstre-overstyring</translatorcomment>
            <translation>RLO Start på høyre-til-venstre-overstyring</translation>
        </message>
        <message>
            <source>ZWJ Zero width joiner</source>
            <translatorcomment>nn: ZWJ bindeteikn med breidd null</translatorcomment>
            <translation>ZWJ Sammenbinding med null bredde</translation>
        </message>
        <message>
            <source>ZWNJ Zero width non-joiner</source>
            <translatorcomment>nn: ZWNJ ikkjebind-teikn med breidd null</translatorcomment>
            <translation>ZWNJ Atskillelse med null bredde</translation>
        </message>
        <message>
            <source>ZWSP Zero width space</source>
            <translatorcomment>nn: ZWSP mellomrom med breidd null</translatorcomment>
            <translation>ZWSP Mellomrom med null bredde</translation>
        </message>
    </context>
    <context>
        <name>QScrollBar</name>
        <message>
            <source>Bottom</source>
            <translatorcomment>nn: Botn</translatorcomment>
            <translation>Bunn</translation>
        </message>
        <message>
            <source>Left edge</source>
            <translatorcomment>nn: Venstre kant</translatorcomment>
            <translation>Venstre kant</translation>
        </message>
        <message>
            <source>Page down</source>
            <translatorcomment>nn: Side ned</translatorcomment>
            <translation>Side ned</translation>
        </message>
        <message>
            <source>Page left</source>
            <translatorcomment>nn: Side til venstre</translatorcomment>
            <translation>Side til venstre</translation>
        </message>
        <message>
            <source>Page right</source>
            <translatorcomment>nn: Side til høgre</translatorcomment>
            <translation>Side til høyre</translation>
        </message>
        <message>
            <source>Page up</source>
            <translatorcomment>nn: Side opp</translatorcomment>
            <translation>Side opp</translation>
        </message>
        <message>
            <source>Right edge</source>
            <translatorcomment>nn: Høgre kant</translatorcomment>
            <translation>Høyre kant</translation>
        </message>
        <message>
            <source>Scroll down</source>
            <translatorcomment>nn: Rull ned</translatorcomment>
            <translation>Rull ned</translation>
        </message>
        <message>
            <source>Scroll here</source>
            <translatorcomment>nn: Rull her</translatorcomment>
            <translation>Rull hit</translation>
        </message>
        <message>
            <source>Scroll left</source>
            <translatorcomment>nn: Rull til venstre</translatorcomment>
            <translation>Rull til venstre</translation>
        </message>
        <message>
            <source>Scroll right</source>
            <translatorcomment>nn: Rull til høgre</translatorcomment>
            <translation>Rull til høyre</translation>
        </message>
        <message>
            <source>Scroll up</source>
            <translatorcomment>nn: Rull opp</translatorcomment>
            <translation>Rull opp</translation>
        </message>
        <message>
            <source>Top</source>
            <translatorcomment>nn: Topp</translatorcomment>
            <translation>Topp</translation>
        </message>
    </context>
    <context>
        <name>QAbstractSpinBox</name>
        <message>
            <source>&amp;Select All</source>
            <translatorcomment>nn: &amp;Merk alt</translatorcomment>
            <translation>&amp;Merk alt</translation>
        </message>
        <message>
            <source>&amp;Step up</source>
            <translatorcomment>nn: Steg &amp;opp</translatorcomment>
            <translation>Trinn &amp;opp</translation>
        </message>
        <message>
            <source>Step &amp;down</source>
            <translatorcomment>nn: Steg &amp;ned</translatorcomment>
            <translation>Trinn &amp;ned</translation>
        </message>
    </context>
    <context>
        <name>QInputDialog</name>
        <message>
            <source>Enter a value:</source>
            <translatorcomment>nn: Skriv inn verdi:</translatorcomment>
            <translation>Skriv inn en verdi:</translation>
        </message>
    </context>
    <context>
        <name>QErrorMessage</name>
        <message>
            <source>&amp;OK</source>
            <translatorcomment>nn: &amp;OK</translatorcomment>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <source>&amp;Show this message again</source>
            <translatorcomment>nn: &amp;Vis denne meldinga igjen</translatorcomment>
            <translation>&amp;Vis denne meldingen igjen</translation>
        </message>
        <message>
            <source>An error occurred</source>
            <translation>Det oppstod en feil</translation>
        </message>
        <message>
            <source>Critical Error:</source>
            <translatorcomment>nn: Kritisk feil:</translatorcomment>
            <translation>Kritisk feil:</translation>
        </message>
        <message>
            <source>Debug Message:</source>
            <translatorcomment>nn: Feilsøkingsmelding:</translatorcomment>
            <translation>Feilsøkingsmelding:</translation>
        </message>
        <message>
            <source>Fatal Error:</source>
            <translatorcomment>nn: Fatal feil:</translatorcomment>
            <translation>Alvorlig feil:</translation>
        </message>
        <message>
            <source>Information:</source>
            <translatorcomment>nn: Informasjon:</translatorcomment>
            <translation>Informasjon:</translation>
        </message>
        <message>
            <source>Warning:</source>
            <translatorcomment>nn: Åtvaring:</translatorcomment>
            <translation>Advarsel:</translation>
        </message>
    </context>
    <context>
        <name>QPrintDialog</name>
        <message>
            <source>%1 already exists.
Do you want to overwrite it?</source>
            <translatorcomment>nn: Fila %1 finst frå før.
Vil du skriva over ho?</translatorcomment>
            <translation>%1 finnes allerede.
Vil du overskrive den?</translation>
        </message>
        <message>
            <source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source>
            <translatorcomment>nn: %1 har ikkje rett syntaks. Bruk «,» til å skilja sider/side­intervall, «-» for å definera side­intervall, og sjå til at eventuelle side­intervall ikkje overlappar kvarandre.</translatorcomment>
            <translation>%1 har ikke riktig syntaks. Bruk «,» til å skille sider og sideområder og «-» til å angi områder, og pass på at områdene ikke overlapper hverandre.</translation>
        </message>
        <message>
            <source>%1 is a directory.
Please choose a different file name.</source>
            <translatorcomment>nn: %1 er ei mappe.
Vel eit anna namn.</translatorcomment>
            <translation>%1 er en mappe.
Velg et annet filnavn.</translation>
        </message>
        <message>
            <source>&amp;Options &lt;&lt;</source>
            <translatorcomment>nn: &amp;Val &lt;&lt;</translatorcomment>
            <translation>&amp;Alternativer &lt;&lt;</translation>
        </message>
        <message>
            <source>&amp;Options &gt;&gt;</source>
            <translatorcomment>nn: &amp;Val &gt;&gt;</translatorcomment>
            <translation>&amp;Alternativer &gt;&gt;</translation>
        </message>
        <message>
            <source>&amp;Print</source>
            <translatorcomment>nn: &amp;Skriv ut</translatorcomment>
            <translation>&amp;Skriv ut</translation>
        </message>
        <message>
            <source>1 (1x1)</source>
            <translatorcomment>nn: 1 (1 × 1)</translatorcomment>
            <translation>1 (1 × 1)</translation>
        </message>
        <message>
            <source>16 (4x4)</source>
            <translatorcomment>nn: 16 (4 × 4)</translatorcomment>
            <translation>16 (4 × 4)</translation>
        </message>
        <message>
            <source>2 (2x1)</source>
            <translatorcomment>nn: 2 (2 × 1)</translatorcomment>
            <translation>2 (2 × 1)</translation>
        </message>
        <message>
            <source>4 (2x2)</source>
            <translatorcomment>nn: 4 (2 × 2)</translatorcomment>
            <translation>4 (2 × 2)</translation>
        </message>
        <message>
            <source>6 (2x3)</source>
            <translatorcomment>nn: 6 (2 × 3)</translatorcomment>
            <translation>6 (2 × 3)</translation>
        </message>
        <message>
            <source>9 (3x3)</source>
            <translatorcomment>nn: 9 (3 × 3)</translatorcomment>
            <translation>9 (3 × 3)</translation>
        </message>
        <message>
            <source>A0</source>
            <translation>A0</translation>
        </message>
        <message>
            <source>A1</source>
            <translation>A1</translation>
        </message>
        <message>
            <source>A2</source>
            <translation>A2</translation>
        </message>
        <message>
            <source>A3</source>
            <translation>A3</translation>
        </message>
        <message>
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <source>A5</source>
            <translation>A5</translation>
        </message>
        <message>
            <source>A6</source>
            <translation>A6</translation>
        </message>
        <message>
            <source>A7</source>
            <translation>A7</translation>
        </message>
        <message>
            <source>A8</source>
            <translation>A8</translation>
        </message>
        <message>
            <source>A9</source>
            <translation>A9</translation>
        </message>
        <message>
            <source>All Pages</source>
            <translatorcomment>nn: Alle sider</translatorcomment>
            <translation>Alle sider</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatisk</translation>
        </message>
        <message>
            <source>B0</source>
            <translation>B0</translation>
        </message>
        <message>
            <source>B1</source>
            <translation>B1</translation>
        </message>
        <message>
            <source>B10</source>
            <translation>B10</translation>
        </message>
        <message>
            <source>B2</source>
            <translation>B2</translation>
        </message>
        <message>
            <source>B3</source>
            <translation>B3</translation>
        </message>
        <message>
            <source>B4</source>
            <translation>B4</translation>
        </message>
        <message>
            <source>B5</source>
            <translation>B5</translation>
        </message>
        <message>
            <source>B6</source>
            <translation>B6</translation>
        </message>
        <message>
            <source>B7</source>
            <translation>B7</translation>
        </message>
        <message>
            <source>B8</source>
            <translation>B8</translation>
        </message>
        <message>
            <source>B9</source>
            <translation>B9</translation>
        </message>
        <message>
            <source>Bottom to Top, Left to Right</source>
            <translatorcomment>nn: Botn til topp – venstre til høgre</translatorcomment>
            <translation>Nedenfra og opp, venstre mot høyre</translation>
        </message>
        <message>
            <source>Bottom to Top, Right to Left</source>
            <translatorcomment>nn: Botn til topp – høgre til venstre</translatorcomment>
            <translation>Nedenfra og opp, høyre mot venstre</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Egendefinert</translation>
        </message>
        <message>
            <source>DLE</source>
            <translation>DLE</translation>
        </message>
        <message>
            <source>Duplex Settings Conflicts</source>
            <translatorcomment>nn: Konfliktar ved tosidig utskrift</translatorcomment>
            <translation>Konflikt i innstillingene for tosidig utskrift</translation>
        </message>
        <message>
            <source>Even Pages</source>
            <translatorcomment>nn: Partalssider</translatorcomment>
            <translation>Partallssider</translation>
        </message>
        <message>
            <source>Executive</source>
            <translation>Executive</translation>
        </message>
        <message>
            <source>File %1 is not writable.
Please choose a different file name.</source>
            <translatorcomment>nn: Du har ikkje skriveløyve til %1.
Vel eit anna namn.</translatorcomment>
            <translation>Filen %1 kan ikke skrives til.
Velg et annet filnavn.</translation>
        </message>
        <message>
            <source>Folio</source>
            <translation>Folio</translation>
        </message>
        <message>
            <source>Invalid Pages Definition</source>
            <translatorcomment>nn: Ugyldig sidedefinisjon</translatorcomment>
            <translation>Ugyldig sideangivelse</translation>
        </message>
        <message>
            <source>Ledger</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <source>Left to Right, Bottom to Top</source>
            <translatorcomment>nn: Venstre til høgre – botn til topp</translatorcomment>
            <translation>Venstre mot høyre, nedenfra og opp</translation>
        </message>
        <message>
            <source>Left to Right, Top to Bottom</source>
            <translatorcomment>nn: Venstre til høgre – topp til botn</translatorcomment>
            <translation>Venstre mot høyre, ovenfra og ned</translation>
        </message>
        <message>
            <source>Legal</source>
            <translation>Legal</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Local file</source>
            <translatorcomment>nn: Lokal fil</translatorcomment>
            <translation>Lokal fil</translation>
        </message>
        <message>
            <source>OK</source>
            <translatorcomment>nn: OK</translatorcomment>
            <translation>OK</translation>
        </message>
        <message>
            <source>Odd Pages</source>
            <translatorcomment>nn: Oddetalssider</translatorcomment>
            <translation>Oddetallssider</translation>
        </message>
        <message>
            <source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.
Please turn one of those options off.</source>
            <translatorcomment>nn: Vala «Sider per ark» og «Sidesett» kan ikkje brukast samtidig.
Du må slå av eitt av vala.</translatorcomment>
            <translation>Alternativene «Sider per ark» og «Sidesett» kan ikke brukes sammen.
Slå av ett av dem.</translation>
        </message>
        <message>
            <source>Print</source>
            <translatorcomment>nn: Skriv ut</translatorcomment>
            <translation>Skriv ut</translation>
        </message>
        <message>
            <source>Print To File ...</source>
            <translatorcomment>nn: Skriv ut til fil …</translatorcomment>
            <translation>Skriv ut til fil …</translation>
        </message>
        <message>
            <source>Print to File (PDF)</source>
            <translatorcomment>nn: Skriv ut til fil (PDF)</translatorcomment>
            <translation>Skriv ut til fil (PDF)</translation>
        </message>
        <message>
            <source>Right to Left, Bottom to Top</source>
            <translatorcomment>nn: Høgre til venstre – botn til topp</translatorcomment>
            <translation>Høyre mot venstre, nedenfra og opp</translation>
        </message>
        <message>
            <source>Right to Left, Top to Bottom</source>
            <translatorcomment>nn: Høgre til venstre – topp til botn</translatorcomment>
            <translation>Høyre mot venstre, ovenfra og ned</translation>
        </message>
        <message>
            <source>Tabloid</source>
            <translation>Tabloid</translation>
        </message>
        <message>
            <source>There are conflicts in duplex settings. Do you want to fix them?</source>
            <translatorcomment>nn: Det er konfliktar i innstillingane for tosidig utskrift. Ønskjer du å retta dei?</translatorcomment>
            <translation>Innstillingene for tosidig utskrift er i konflikt. Vil du rette dem?</translation>
        </message>
        <message>
            <source>Top to Bottom, Left to Right</source>
            <translatorcomment>nn: Topp til botn – venstre til høgre</translatorcomment>
            <translation>Ovenfra og ned, venstre mot høyre</translation>
        </message>
        <message>
            <source>Top to Bottom, Right to Left</source>
            <translatorcomment>nn: Topp til botn – høgre til venstre</translatorcomment>
            <translation>Ovenfra og ned, høyre mot venstre</translation>
        </message>
        <message>
            <source>Write PDF file</source>
            <translatorcomment>nn: Skriv ut til PDF-fil</translatorcomment>
            <translation>Skriv PDF-fil</translation>
        </message>
    </context>
    <context>
        <name>QPrintPreviewDialog</name>
        <message>
            <source>%1%</source>
            <translatorcomment>nn: %1 %</translatorcomment>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>First page</source>
            <translatorcomment>nn: Første side</translatorcomment>
            <translation>Første side</translation>
        </message>
        <message>
            <source>Fit page</source>
            <translatorcomment>nn: Tilpass til sida</translatorcomment>
            <translation>Tilpass til siden</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translatorcomment>nn: Tilpass til breidda</translatorcomment>
            <translation>Tilpass til bredden</translation>
        </message>
        <message>
            <source>Landscape</source>
            <translatorcomment>nn: Liggjande</translatorcomment>
            <translation>Liggende</translation>
        </message>
        <message>
            <source>Last page</source>
            <translatorcomment>nn: Siste side</translatorcomment>
            <translation>Siste side</translation>
        </message>
        <message>
            <source>Next page</source>
            <translatorcomment>nn: Neste side</translatorcomment>
            <translation>Neste side</translation>
        </message>
        <message>
            <source>Page Setup</source>
            <translatorcomment>nn: Sideoppsett</translatorcomment>
            <translation>Utskriftsformat</translation>
        </message>
        <message>
            <source>Page setup</source>
            <translatorcomment>nn: Sideoppsett</translatorcomment>
            <translation>Utskriftsformat</translation>
        </message>
        <message>
            <source>Portrait</source>
            <translatorcomment>nn: Ståande</translatorcomment>
            <translation>Stående</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translatorcomment>nn: Førre side</translatorcomment>
            <translation>Forrige side</translation>
        </message>
        <message>
            <source>Print</source>
            <translatorcomment>nn: Skriv ut</translatorcomment>
            <translation>Skriv ut</translation>
        </message>
        <message>
            <source>Print Preview</source>
            <translatorcomment>nn: Førehandsvising</translatorcomment>
            <translation>Forhåndsvisning</translation>
        </message>
        <message>
            <source>Show facing pages</source>
            <translatorcomment>nn: Vis motståande sider</translatorcomment>
            <translation>Vis motstående sider</translation>
        </message>
        <message>
            <source>Show overview of all pages</source>
            <translatorcomment>nn: Vis oversikt over alle sidene</translatorcomment>
            <translation>Vis oversikt over alle sider</translation>
        </message>
        <message>
            <source>Show single page</source>
            <translatorcomment>nn: Vis einskildside</translatorcomment>
            <translation>Vis én side</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translatorcomment>nn: Forstørr</translatorcomment>
            <translation>Zoom inn</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translatorcomment>nn: Forminsk</translatorcomment>
            <translation>Zoom ut</translation>
        </message>
    </context>
    <context>
        <name>QPageSetupWidget</name>
        <message>
            <source>CC</source>
            <translatorcomment>nn: CC</translatorcomment>
            <translation>CC</translation>
        </message>
        <message>
            <source>Cicero (CC)</source>
            <translatorcomment>nn: Cicero (CC)</translatorcomment>
            <translation>Cicero (CC)</translation>
        </message>
        <message>
            <source>Custom</source>
            <translatorcomment>nn: Tilpassa</translatorcomment>
            <translation>Egendefinert</translation>
        </message>
        <message>
            <source>DD</source>
            <translatorcomment>nn: DD</translatorcomment>
            <translation>DD</translation>
        </message>
        <message>
            <source>Didot (DD)</source>
            <translatorcomment>nn: Didot (DD)</translatorcomment>
            <translation>Didot (DD)</translation>
        </message>
        <message>
            <source>Form</source>
            <translatorcomment>nn: Skjema</translatorcomment>
            <translation>Skjema</translation>
        </message>
        <message>
            <source>Height:</source>
            <translatorcomment>nn: Høgd:</translatorcomment>
            <translation>Høyde:</translation>
        </message>
        <message>
            <source>Inches (in)</source>
            <translatorcomment>nn: Tommar (in)</translatorcomment>
            <translation>Tommer (in)</translation>
        </message>
        <message>
            <source>Landscape</source>
            <translatorcomment>nn: Liggjande</translatorcomment>
            <translation>Liggende</translation>
        </message>
        <message>
            <source>Margins</source>
            <translatorcomment>nn: Margar</translatorcomment>
            <translation>Marger</translation>
        </message>
        <message>
            <source>Millimeters (mm)</source>
            <translatorcomment>nn: Millimeter (mm)</translatorcomment>
            <translation>Millimeter (mm)</translation>
        </message>
        <message>
            <source>Orientation</source>
            <translatorcomment>nn: Retning</translatorcomment>
            <translation>Retning</translation>
        </message>
        <message>
            <source>Page &amp;order:</source>
            <translation>Side&amp;rekkefølge:</translation>
        </message>
        <message>
            <source>Page Layout</source>
            <translatorcomment>nn: Sideutsjånad</translatorcomment>
            <translation>Sideoppsett</translation>
        </message>
        <message>
            <source>Page size:</source>
            <translatorcomment>nn: Sidestorleik:</translatorcomment>
            <translation>Papirstørrelse:</translation>
        </message>
        <message>
            <source>Pages &amp;per sheet:</source>
            <translation>Sider &amp;per ark:</translation>
        </message>
        <message>
            <source>Paper</source>
            <translatorcomment>nn: Papir</translatorcomment>
            <translation>Papir</translation>
        </message>
        <message>
            <source>Paper source:</source>
            <translatorcomment>nn: Papirkjelde:</translatorcomment>
            <translation>Papirkilde:</translation>
        </message>
        <message>
            <source>Pica (P̸)</source>
            <translatorcomment>nn: Pica (P̸)</translatorcomment>
            <translation>Pica (P̸)</translation>
        </message>
        <message>
            <source>Points (pt)</source>
            <translatorcomment>nn: Punkt (pt)</translatorcomment>
            <translation>Punkter (pt)</translation>
        </message>
        <message>
            <source>Portrait</source>
            <translatorcomment>nn: Ståande</translatorcomment>
            <translation>Stående</translation>
        </message>
        <message>
            <source>P̸</source>
            <translatorcomment>nn: P̸</translatorcomment>
            <translation>P̸</translation>
        </message>
        <message>
            <source>Reverse landscape</source>
            <translatorcomment>nn: Omvendt liggjande</translatorcomment>
            <translation>Omvendt liggende</translation>
        </message>
        <message>
            <source>Reverse portrait</source>
            <translatorcomment>nn: Omvendt ståande</translatorcomment>
            <translation>Omvendt stående</translation>
        </message>
        <message>
            <source>Width:</source>
            <translatorcomment>nn: Breidd:</translatorcomment>
            <translation>Bredde:</translation>
        </message>
        <message>
            <source>bottom margin</source>
            <translatorcomment>nn: botnmarg</translatorcomment>
            <translation>bunnmarg</translation>
        </message>
        <message>
            <source>in</source>
            <translatorcomment>nn: in</translatorcomment>
            <translation>in</translation>
        </message>
        <message>
            <source>left margin</source>
            <translatorcomment>nn: venstremarg</translatorcomment>
            <translation>venstremarg</translation>
        </message>
        <message>
            <source>mm</source>
            <translatorcomment>nn: mm</translatorcomment>
            <translation>mm</translation>
        </message>
        <message>
            <source>pt</source>
            <translatorcomment>nn: pt</translatorcomment>
            <translation>pt</translation>
        </message>
        <message>
            <source>right margin</source>
            <translatorcomment>nn: høgremarg</translatorcomment>
            <translation>høyremarg</translation>
        </message>
        <message>
            <source>top margin</source>
            <translatorcomment>nn: toppmarg</translatorcomment>
            <translation>toppmarg</translation>
        </message>
    </context>
    <context>
        <name>QPrintWidget</name>
        <message>
            <source>&amp;Name:</source>
            <translatorcomment>nn: &amp;Namn:</translatorcomment>
            <translation>&amp;Navn:</translation>
        </message>
        <message>
            <source>...</source>
            <translatorcomment>nn: …</translatorcomment>
            <translation>…</translation>
        </message>
        <message>
            <source>Form</source>
            <translatorcomment>nn: Skjema</translatorcomment>
            <translation>Skjema</translation>
        </message>
        <message>
            <source>Location:</source>
            <translatorcomment>nn: Stad:</translatorcomment>
            <translation>Plassering:</translation>
        </message>
        <message>
            <source>Output &amp;file:</source>
            <translatorcomment>nn: &amp;Utfil:</translatorcomment>
            <translation>Utdata&amp;fil:</translation>
        </message>
        <message>
            <source>P&amp;roperties</source>
            <translatorcomment>nn: &amp;Eigenskapar</translatorcomment>
            <translation>&amp;Egenskaper</translation>
        </message>
        <message>
            <source>Preview</source>
            <translatorcomment>nn: Førehandsvis</translatorcomment>
            <translation>Forhåndsvis</translation>
        </message>
        <message>
            <source>Printer</source>
            <translatorcomment>nn: Skrivar</translatorcomment>
            <translation>Skriver</translation>
        </message>
        <message>
            <source>Type:</source>
            <translatorcomment>nn: Type:</translatorcomment>
            <translation>Type:</translation>
        </message>
    </context>
    <context>
        <name>QPrintSettingsOutput</name>
        <message>
            <source>Collate</source>
            <translatorcomment>nn: Sorter</translatorcomment>
            <translation>Sorter</translation>
        </message>
        <message>
            <source>Color</source>
            <translatorcomment>nn: Fargar</translatorcomment>
            <translation>Farge</translation>
        </message>
        <message>
            <source>Color Mode</source>
            <translatorcomment>nn: Fargemodus</translatorcomment>
            <translation>Fargemodus</translation>
        </message>
        <message>
            <source>Copies</source>
            <translatorcomment>nn: Eksemplar</translatorcomment>
            <translation>Eksemplarer</translation>
        </message>
        <message>
            <source>Copies:</source>
            <translatorcomment>nn: Eksemplar:</translatorcomment>
            <translation>Eksemplarer:</translation>
        </message>
        <message>
            <source>Current Page</source>
            <translatorcomment>nn: Denne sida</translatorcomment>
            <translation>Gjeldende side</translation>
        </message>
        <message>
            <source>Double Sided Printing</source>
            <translatorcomment>nn: Tosidig utskrift</translatorcomment>
            <translation>Tosidig utskrift</translation>
        </message>
        <message>
            <source>Form</source>
            <translatorcomment>nn: Skjema</translatorcomment>
            <translation>Skjema</translation>
        </message>
        <message>
            <source>Grayscale</source>
            <translatorcomment>nn: Gråtonar</translatorcomment>
            <translation>Gråtoner</translation>
        </message>
        <message>
            <source>Long side</source>
            <translation>Langsiden</translation>
        </message>
        <message>
            <source>Long side binding</source>
            <translatorcomment>nn: Bind inn på langsida</translatorcomment>
            <translation>Innbinding på langsiden</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Ingen</translation>
        </message>
        <message>
            <source>Off</source>
            <translatorcomment>nn: Av</translatorcomment>
            <translation>Av</translation>
        </message>
        <message>
            <source>Options</source>
            <translatorcomment>nn: Val</translatorcomment>
            <translation>Alternativer</translation>
        </message>
        <message>
            <source>Output Settings</source>
            <translatorcomment>nn: Utskriftsval</translatorcomment>
            <translation>Utskriftsinnstillinger</translation>
        </message>
        <message>
            <source>Page &amp;Set:</source>
            <translation>Side&amp;sett:</translation>
        </message>
        <message>
            <source>Pages</source>
            <translatorcomment>nn: Sider</translatorcomment>
            <translation>Sider</translation>
        </message>
        <message>
            <source>Pages from</source>
            <translatorcomment>nn: Sider frå</translatorcomment>
            <translation>Sider fra</translation>
        </message>
        <message>
            <source>Print all</source>
            <translatorcomment>nn: Skriv ut alle</translatorcomment>
            <translation>Skriv ut alt</translation>
        </message>
        <message>
            <source>Print range</source>
            <translatorcomment>nn: Utskriftsområde</translatorcomment>
            <translation>Utskriftsområde</translation>
        </message>
        <message>
            <source>Reverse</source>
            <translatorcomment>nn: Baklengs</translatorcomment>
            <translation>Omvendt rekkefølge</translation>
        </message>
        <message>
            <source>Selection</source>
            <translatorcomment>nn: Utval</translatorcomment>
            <translation>Utvalg</translation>
        </message>
        <message>
            <source>Short side</source>
            <translation>Kortsiden</translation>
        </message>
        <message>
            <source>Short side binding</source>
            <translatorcomment>nn: Bind inn på kortsida</translatorcomment>
            <translation>Innbinding på kortsiden</translation>
        </message>
        <message>
            <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
            <translatorcomment>nn: Vel sider eller sideintervall, og skil dei med komma. Sideintervall er to sidetal skilde med bindestrek. For eksempel vil «3,5-7,9» skriva ut side 3, 5, 6, 7 og 9.</translatorcomment>
            <translation>Angi sider eller sideområder atskilt med komma. Et område angis med to tall atskilt med bindestrek. Eksempel: 3,5-7,9 skriver ut sidene 3, 5, 6, 7 og 9.</translation>
        </message>
        <message>
            <source>to</source>
            <translatorcomment>nn: til</translatorcomment>
            <translation>til</translation>
        </message>
    </context>
    <context>
        <name>QPrintPropertiesDialog</name>
        <message>
            <source>Advanced Option Conflicts</source>
            <translatorcomment>nn: Konfliktar i avanserte val</translatorcomment>
            <translation>Konflikt i avanserte alternativer</translation>
        </message>
        <message>
            <source>Job Options</source>
            <translatorcomment>nn: Jobbval</translatorcomment>
            <translation>Jobbalternativer</translation>
        </message>
        <message>
            <source>Page Setup Conflicts</source>
            <translatorcomment>nn: Konfliktar i sideoppsett</translatorcomment>
            <translation>Konflikt i utskriftsformatet</translation>
        </message>
        <message>
            <source>Printer Properties</source>
            <translatorcomment>nn: Skrivareigenskapar</translatorcomment>
            <translation>Skriveregenskaper</translation>
        </message>
        <message>
            <source>There are conflicts in page setup options. Do you want to fix them?</source>
            <translatorcomment>nn: Det er konfliktar i innstillingane for sideoppsett. Ønskjer du å retta dei?</translatorcomment>
            <translation>Alternativene for utskriftsformat er i konflikt. Vil du rette dem?</translation>
        </message>
        <message>
            <source>There are conflicts in some advanced options. Do you want to fix them?</source>
            <translatorcomment>nn: Det er konfliktar i nokre avanserte val. Ønskjer du å retta dei?</translatorcomment>
            <translation>Noen av de avanserte alternativene er i konflikt. Vil du rette dem?</translation>
        </message>
    </context>
    <context>
        <name>QCupsJobWidget</name>
        <message>
            <source>&amp;Billing information:</source>
            <translation>&amp;Faktureringsinformasjon:</translation>
        </message>
        <message>
            <source>&amp;End:</source>
            <translation>&amp;Slutt:</translation>
        </message>
        <message>
            <source>&amp;Start:</source>
            <translation>S&amp;tart:</translation>
        </message>
        <message>
            <source>Banner Pages</source>
            <translatorcomment>nn: Bannersider</translatorcomment>
            <translation>Bannersider</translation>
        </message>
        <message>
            <source>Billing information:</source>
            <translatorcomment>nn: Faktureringsinformasjon:</translatorcomment>
            <translation>Faktureringsinformasjon:</translation>
        </message>
        <message>
            <source>Classified</source>
            <translatorcomment>nn: Gradert</translatorcomment>
            <translation>Gradert</translation>
        </message>
        <message>
            <source>Confidential</source>
            <translatorcomment>nn: Konfidensielt</translatorcomment>
            <translation>Konfidensielt</translation>
        </message>
        <message>
            <source>Day (06:00 to 17:59)</source>
            <translatorcomment>nn: Dag (06:00 til 17:59)</translatorcomment>
            <translation>Dag (06.00 til 17.59)</translation>
        </message>
        <message>
            <source>End:</source>
            <translatorcomment>nn: Slutt:</translatorcomment>
            <translation>Slutt:</translation>
        </message>
        <message>
            <source>Hold Indefinitely</source>
            <translatorcomment>nn: Hald til evig tid</translatorcomment>
            <translation>Hold tilbake på ubestemt tid</translation>
        </message>
        <message>
            <source>Job</source>
            <translatorcomment>nn: Jobb</translatorcomment>
            <translation>Jobb</translation>
        </message>
        <message>
            <source>Job &amp;priority:</source>
            <translation>Jobb&amp;prioritet:</translation>
        </message>
        <message>
            <source>Job Control</source>
            <translatorcomment>nn: Jobbkontroll</translatorcomment>
            <translation>Jobbkontroll</translation>
        </message>
        <message>
            <source>Night (18:00 to 05:59)</source>
            <translatorcomment>nn: Natt (18:00 til 05:59)</translatorcomment>
            <translation>Natt (18.00 til 05.59)</translation>
        </message>
        <message>
            <source>None</source>
            <translatorcomment>nn: Ingen</translatorcomment>
            <translation>Ingen</translation>
        </message>
        <message>
            <source>Print Immediately</source>
            <translatorcomment>nn: Skriv ut med ein gong</translatorcomment>
            <translation>Skriv ut straks</translation>
        </message>
        <message>
            <source>Scheduled &amp;printing:</source>
            <translation>&amp;Planlagt utskrift:</translation>
        </message>
        <message>
            <source>Second Shift (16:00 to 23:59)</source>
            <translatorcomment>nn: Andre skift (16:00 til 23:59)</translatorcomment>
            <translation>Andre skift (16.00 til 23.59)</translation>
        </message>
        <message>
            <source>Secret</source>
            <translatorcomment>nn: Hemmeleg</translatorcomment>
            <translation>Hemmelig</translation>
        </message>
        <message>
            <source>Specific Time</source>
            <translatorcomment>nn: Valt tidspunkt</translatorcomment>
            <translation>Bestemt tidspunkt</translation>
        </message>
        <message>
            <source>Standard</source>
            <translatorcomment>nn: Standard</translatorcomment>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Start:</source>
            <translatorcomment>nn: Start:</translatorcomment>
            <translation>Start:</translation>
        </message>
        <message>
            <source>Third Shift (00:00 to 07:59)</source>
            <translatorcomment>nn: Tredje skift (00:00 til 07:59)</translatorcomment>
            <translation>Tredje skift (00.00 til 07.59)</translation>
        </message>
        <message>
            <source>Top Secret</source>
            <translatorcomment>nn: Topphemmeleg</translatorcomment>
            <translation>Strengt hemmelig</translation>
        </message>
        <message>
            <source>Unclassified</source>
            <translatorcomment>nn: Uklassifisert</translatorcomment>
            <translation>Ugradert</translation>
        </message>
        <message>
            <source>Weekend (Saturday to Sunday)</source>
            <translatorcomment>nn: Helg (laurdag og sundag)</translatorcomment>
            <translation>Helg (lørdag og søndag)</translation>
        </message>
    </context>
    <context>
        <name>QPageSize</name>
        <message>
            <source>%1 x %2 in</source>
            <translatorcomment>nn: %1 × %2 tommar</translatorcomment>
            <translation>%1 × %2 tommer</translation>
        </message>
        <message>
            <source>A0</source>
            <translatorcomment>nn: A0</translatorcomment>
            <translation>A0</translation>
        </message>
        <message>
            <source>A1</source>
            <translatorcomment>nn: A1</translatorcomment>
            <translation>A1</translation>
        </message>
        <message>
            <source>A10</source>
            <translatorcomment>nn: A10</translatorcomment>
            <translation>A10</translation>
        </message>
        <message>
            <source>A2</source>
            <translatorcomment>nn: A2</translatorcomment>
            <translation>A2</translation>
        </message>
        <message>
            <source>A3</source>
            <translatorcomment>nn: A3</translatorcomment>
            <translation>A3</translation>
        </message>
        <message>
            <source>A3 Extra</source>
            <translatorcomment>nn: A3 – ekstra</translatorcomment>
            <translation>A3 ekstra</translation>
        </message>
        <message>
            <source>A4</source>
            <translatorcomment>nn: A4</translatorcomment>
            <translation>A4</translation>
        </message>
        <message>
            <source>A4 Extra</source>
            <translatorcomment>nn: A4 – ekstra</translatorcomment>
            <translation>A4 ekstra</translation>
        </message>
        <message>
            <source>A4 Plus</source>
            <translatorcomment>nn: A4 – pluss</translatorcomment>
            <translation>A4 pluss</translation>
        </message>
        <message>
            <source>A4 Small</source>
            <translatorcomment>nn: A4 – lite</translatorcomment>
            <translation>A4 liten</translation>
        </message>
        <message>
            <source>A5</source>
            <translatorcomment>nn: A5</translatorcomment>
            <translation>A5</translation>
        </message>
        <message>
            <source>A5 Extra</source>
            <translatorcomment>nn: A5 – ekstra</translatorcomment>
            <translation>A5 ekstra</translation>
        </message>
        <message>
            <source>A6</source>
            <translatorcomment>nn: A6</translatorcomment>
            <translation>A6</translation>
        </message>
        <message>
            <source>A7</source>
            <translatorcomment>nn: A7</translatorcomment>
            <translation>A7</translation>
        </message>
        <message>
            <source>A8</source>
            <translatorcomment>nn: A8</translatorcomment>
            <translation>A8</translation>
        </message>
        <message>
            <source>A9</source>
            <translatorcomment>nn: A9</translatorcomment>
            <translation>A9</translation>
        </message>
        <message>
            <source>ANSI C</source>
            <translatorcomment>nn: ANSI C</translatorcomment>
            <translation>ANSI C</translation>
        </message>
        <message>
            <source>ANSI D</source>
            <translatorcomment>nn: ANSI D</translatorcomment>
            <translation>ANSI D</translation>
        </message>
        <message>
            <source>ANSI E</source>
            <translatorcomment>nn: ANSI E</translatorcomment>
            <translation>ANSI E</translation>
        </message>
        <message>
            <source>Architect A</source>
            <translatorcomment>nn: Arkitekt A</translatorcomment>
            <translation>Arkitekt A</translation>
        </message>
        <message>
            <source>Architect B</source>
            <translatorcomment>nn: Arkitekt B</translatorcomment>
            <translation>Arkitekt B</translation>
        </message>
        <message>
            <source>Architect C</source>
            <translatorcomment>nn: Arkitekt C</translatorcomment>
            <translation>Arkitekt C</translation>
        </message>
        <message>
            <source>Architect D</source>
            <translatorcomment>nn: Arkitekt D</translatorcomment>
            <translation>Arkitekt D</translation>
        </message>
        <message>
            <source>Architect E</source>
            <translatorcomment>nn: Arkitekt E</translatorcomment>
            <translation>Arkitekt E</translation>
        </message>
        <message>
            <source>B0</source>
            <translatorcomment>nn: B0</translatorcomment>
            <translation>B0</translation>
        </message>
        <message>
            <source>B1</source>
            <translatorcomment>nn: B1</translatorcomment>
            <translation>B1</translation>
        </message>
        <message>
            <source>B10</source>
            <translatorcomment>nn: B10</translatorcomment>
            <translation>B10</translation>
        </message>
        <message>
            <source>B2</source>
            <translatorcomment>nn: B2</translatorcomment>
            <translation>B2</translation>
        </message>
        <message>
            <source>B3</source>
            <translatorcomment>nn: B3</translatorcomment>
            <translation>B3</translation>
        </message>
        <message>
            <source>B4</source>
            <translatorcomment>nn: B4</translatorcomment>
            <translation>B4</translation>
        </message>
        <message>
            <source>B5</source>
            <translatorcomment>nn: B5</translatorcomment>
            <translation>B5</translation>
        </message>
        <message>
            <source>B5 Extra</source>
            <translatorcomment>nn: B5 – ekstra</translatorcomment>
            <translation>B5 ekstra</translation>
        </message>
        <message>
            <source>B6</source>
            <translatorcomment>nn: B6</translatorcomment>
            <translation>B6</translation>
        </message>
        <message>
            <source>B7</source>
            <translatorcomment>nn: B7</translatorcomment>
            <translation>B7</translation>
        </message>
        <message>
            <source>B8</source>
            <translatorcomment>nn: B8</translatorcomment>
            <translation>B8</translation>
        </message>
        <message>
            <source>B9</source>
            <translatorcomment>nn: B9</translatorcomment>
            <translation>B9</translation>
        </message>
        <message>
            <source>Custom</source>
            <translatorcomment>nn: Tilpassa</translatorcomment>
            <translation>Egendefinert</translation>
        </message>
        <message>
            <source>Custom (%1CC x %2CC)</source>
            <translatorcomment>nn: Tilpassa (%1 × %2 CC)</translatorcomment>
            <translation>Egendefinert (%1 × %2 CC)</translation>
        </message>
        <message>
            <source>Custom (%1DD x %2DD)</source>
            <translatorcomment>nn: Tilpassa (%1 × %2 DD)</translatorcomment>
            <translation>Egendefinert (%1 × %2 DD)</translation>
        </message>
        <message>
            <source>Custom (%1in x %2in)</source>
            <translatorcomment>nn: Tilpassa (%1 × %2 tommar)</translatorcomment>
            <translation>Egendefinert (%1 × %2 tommer)</translation>
        </message>
        <message>
            <source>Custom (%1mm x %2mm)</source>
            <translatorcomment>nn: Tilpassa (%1 × %2 mm)</translatorcomment>
            <translation>Egendefinert (%1 × %2 mm)</translation>
        </message>
        <message>
            <source>Custom (%1pc x %2pc)</source>
            <translatorcomment>nn: Tilpassa (%1 × %2 pc)</translatorcomment>
            <translation>Egendefinert (%1 × %2 pica)</translation>
        </message>
        <message>
            <source>Custom (%1pt x %2pt)</source>
            <translatorcomment>nn: Tilpassa (%1 × %2 punkt)</translatorcomment>
            <translation>Egendefinert (%1 × %2 punkter)</translation>
        </message>
        <message>
            <source>Double Postcard</source>
            <translatorcomment>nn: Dobbelt postkort</translatorcomment>
            <translation>Dobbelt postkort</translation>
        </message>
        <message>
            <source>Envelope B4</source>
            <translatorcomment>nn: Konvolutt B4</translatorcomment>
            <translation>Konvolutt B4</translation>
        </message>
        <message>
            <source>Envelope B5</source>
            <translatorcomment>nn: Konvolutt B5</translatorcomment>
            <translation>Konvolutt B5</translation>
        </message>
        <message>
            <source>Envelope B6</source>
            <translatorcomment>nn: Konvolutt B6</translatorcomment>
            <translation>Konvolutt B6</translation>
        </message>
        <message>
            <source>Envelope C0</source>
            <translatorcomment>nn: Konvolutt C0</translatorcomment>
            <translation>Konvolutt C0</translation>
        </message>
        <message>
            <source>Envelope C1</source>
            <translatorcomment>nn: Konvolutt C1</translatorcomment>
            <translation>Konvolutt C1</translation>
        </message>
        <message>
            <source>Envelope C2</source>
            <translatorcomment>nn: Konvolutt C2</translatorcomment>
            <translation>Konvolutt C2</translation>
        </message>
        <message>
            <source>Envelope C3</source>
            <translatorcomment>nn: Konvolutt C3</translatorcomment>
            <translation>Konvolutt C3</translation>
        </message>
        <message>
            <source>Envelope C4</source>
            <translatorcomment>nn: Konvolutt C4</translatorcomment>
            <translation>Konvolutt C4</translation>
        </message>
        <message>
            <source>Envelope C5</source>
            <translatorcomment>nn: Konvolutt C5</translatorcomment>
            <translation>Konvolutt C5</translation>
        </message>
        <message>
            <source>Envelope C6</source>
            <translatorcomment>nn: Konvolutt C6</translatorcomment>
            <translation>Konvolutt C6</translation>
        </message>
        <message>
            <source>Envelope C65</source>
            <translatorcomment>nn: Konvolutt C65</translatorcomment>
            <translation>Konvolutt C65</translation>
        </message>
        <message>
            <source>Envelope C7</source>
            <translatorcomment>nn: Konvolutt C7</translatorcomment>
            <translation>Konvolutt C7</translation>
        </message>
        <message>
            <source>Envelope Chou 3</source>
            <translatorcomment>nn: Konvolutt Chou 3</translatorcomment>
            <translation>Konvolutt Chou 3</translation>
        </message>
        <message>
            <source>Envelope Chou 4</source>
            <translatorcomment>nn: Konvolutt Chou 4</translatorcomment>
            <translation>Konvolutt Chou 4</translation>
        </message>
        <message>
            <source>Envelope DL</source>
            <translatorcomment>nn: Konvolutt DL</translatorcomment>
            <translation>Konvolutt DL</translation>
        </message>
        <message>
            <source>Envelope Invite</source>
            <translatorcomment>nn: Konvolutt Invite</translatorcomment>
            <translation>Konvolutt Invite</translation>
        </message>
        <message>
            <source>Envelope Italian</source>
            <translatorcomment>nn: Konvolutt Italia</translatorcomment>
            <translation>Konvolutt italiensk</translation>
        </message>
        <message>
            <source>Envelope Kaku 2</source>
            <translatorcomment>nn: Konvolutt Kaku 2</translatorcomment>
            <translation>Konvolutt Kaku 2</translation>
        </message>
        <message>
            <source>Envelope Kaku 3</source>
            <translatorcomment>nn: Konvolutt Kaku 3</translatorcomment>
            <translation>Konvolutt Kaku 3</translation>
        </message>
        <message>
            <source>Envelope Monarch</source>
            <translatorcomment>nn: Konvolutt Monarch</translatorcomment>
            <translation>Konvolutt Monarch</translation>
        </message>
        <message>
            <source>Envelope PRC 1</source>
            <translatorcomment>nn: Konvolutt PRC 1</translatorcomment>
            <translation>Konvolutt PRC 1</translation>
        </message>
        <message>
            <source>Envelope PRC 10</source>
            <translatorcomment>nn: Konvolutt PRC 10</translatorcomment>
            <translation>Konvolutt PRC 10</translation>
        </message>
        <message>
            <source>Envelope PRC 2</source>
            <translatorcomment>nn: Konvolutt PRC 2</translatorcomment>
            <translation>Konvolutt PRC 2</translation>
        </message>
        <message>
            <source>Envelope PRC 3</source>
            <translatorcomment>nn: Konvolutt PRC 3</translatorcomment>
            <translation>Konvolutt PRC 3</translation>
        </message>
        <message>
            <source>Envelope PRC 4</source>
            <translatorcomment>nn: Konvolutt PRC 4</translatorcomment>
            <translation>Konvolutt PRC 4</translation>
        </message>
        <message>
            <source>Envelope PRC 5</source>
            <translatorcomment>nn: Konvolutt PRC 5</translatorcomment>
            <translation>Konvolutt PRC 5</translation>
        </message>
        <message>
            <source>Envelope PRC 6</source>
            <translatorcomment>nn: Konvolutt PRC 6</translatorcomment>
            <translation>Konvolutt PRC 6</translation>
        </message>
        <message>
            <source>Envelope PRC 7</source>
            <translatorcomment>nn: Konvolutt PRC 7</translatorcomment>
            <translation>Konvolutt PRC 7</translation>
        </message>
        <message>
            <source>Envelope PRC 8</source>
            <translatorcomment>nn: Konvolutt PRC 8</translatorcomment>
            <translation>Konvolutt PRC 8</translation>
        </message>
        <message>
            <source>Envelope PRC 9</source>
            <translatorcomment>nn: Konvolutt PRC 9</translatorcomment>
            <translation>Konvolutt PRC 9</translation>
        </message>
        <message>
            <source>Envelope Personal</source>
            <translatorcomment>nn: Konvolutt Personal</translatorcomment>
            <translation>Konvolutt Personal</translation>
        </message>
        <message>
            <source>Envelope US 10</source>
            <translatorcomment>nn: Konvolutt US 10</translatorcomment>
            <translation>Konvolutt US 10</translation>
        </message>
        <message>
            <source>Envelope US 11</source>
            <translatorcomment>nn: Konvolutt US 11</translatorcomment>
            <translation>Konvolutt US 11</translation>
        </message>
        <message>
            <source>Envelope US 12</source>
            <translatorcomment>nn: Konvolutt US 12</translatorcomment>
            <translation>Konvolutt US 12</translation>
        </message>
        <message>
            <source>Envelope US 14</source>
            <translatorcomment>nn: Konvolutt US 14</translatorcomment>
            <translation>Konvolutt US 14</translation>
        </message>
        <message>
            <source>Envelope US 9</source>
            <translatorcomment>nn: Konvolutt US 9</translatorcomment>
            <translation>Konvolutt US 9</translation>
        </message>
        <message>
            <source>Envelope You 4</source>
            <translatorcomment>nn: Konvolutt You 4</translatorcomment>
            <translation>Konvolutt You 4</translation>
        </message>
        <message>
            <source>Executive (7.25 x 10.5 in)</source>
            <translatorcomment>nn: Executive (7,25 × 10,5 tommar)</translatorcomment>
            <translation>Executive (7,25 × 10,5 tommer)</translation>
        </message>
        <message>
            <source>Executive (7.5 x 10 in)</source>
            <translatorcomment>nn: Executive (7,5 × 10 tommar)</translatorcomment>
            <translation>Executive (7,5 × 10 tommer)</translation>
        </message>
        <message>
            <source>Fan-fold German (8.5 x 12 in)</source>
            <translatorcomment>nn: Listepapir (Tyskland) (8,5 × 12 tommar)</translatorcomment>
            <translation>Tysk listepapir (8,5 × 12 tommer)</translation>
        </message>
        <message>
            <source>Fan-fold German Legal (8.5 x 13 in)</source>
            <translatorcomment>nn: Listepapir (Tyskland, Legal) (8,5 × 13 tommar)</translatorcomment>
            <translation>Tysk listepapir Legal (8,5 × 13 tommer)</translation>
        </message>
        <message>
            <source>Fan-fold US (14.875 x 11 in)</source>
            <translatorcomment>nn: Listepapir (USA) (14,875 × 11 tommar)</translatorcomment>
            <translation>Amerikansk listepapir (14,875 × 11 tommer)</translation>
        </message>
        <message>
            <source>Folio (8.27 x 13 in)</source>
            <translatorcomment>nn: Folio (21 × 33 cm)</translatorcomment>
            <translation>Folio (8,27 × 13 tommer)</translation>
        </message>
        <message>
            <source>JIS B0</source>
            <translatorcomment>nn: JIS B0</translatorcomment>
            <translation>JIS B0</translation>
        </message>
        <message>
            <source>JIS B1</source>
            <translatorcomment>nn: JIS B1</translatorcomment>
            <translation>JIS B1</translation>
        </message>
        <message>
            <source>JIS B10</source>
            <translatorcomment>nn: JIS B10</translatorcomment>
            <translation>JIS B10</translation>
        </message>
        <message>
            <source>JIS B2</source>
            <translatorcomment>nn: JIS B2</translatorcomment>
            <translation>JIS B2</translation>
        </message>
        <message>
            <source>JIS B3</source>
            <translatorcomment>nn: JIS B3</translatorcomment>
            <translation>JIS B3</translation>
        </message>
        <message>
            <source>JIS B4</source>
            <translatorcomment>nn: JIS B4</translatorcomment>
            <translation>JIS B4</translation>
        </message>
        <message>
            <source>JIS B5</source>
            <translatorcomment>nn: JIS B5</translatorcomment>
            <translation>JIS B5</translation>
        </message>
        <message>
            <source>JIS B6</source>
            <translatorcomment>nn: JIS B6</translatorcomment>
            <translation>JIS B6</translation>
        </message>
        <message>
            <source>JIS B7</source>
            <translatorcomment>nn: JIS B7</translatorcomment>
            <translation>JIS B7</translation>
        </message>
        <message>
            <source>JIS B8</source>
            <translatorcomment>nn: JIS B8</translatorcomment>
            <translation>JIS B8</translation>
        </message>
        <message>
            <source>JIS B9</source>
            <translatorcomment>nn: JIS B9</translatorcomment>
            <translation>JIS B9</translation>
        </message>
        <message>
            <source>Ledger / ANSI B</source>
            <translatorcomment>nn: Ledger / ANSI B</translatorcomment>
            <translation>Ledger / ANSI B</translation>
        </message>
        <message>
            <source>Legal</source>
            <translatorcomment>nn: Legal</translatorcomment>
            <translation>Legal</translation>
        </message>
        <message>
            <source>Legal Extra</source>
            <translatorcomment>nn: Legal – ekstra</translatorcomment>
            <translation>Legal ekstra</translation>
        </message>
        <message>
            <source>Letter / ANSI A</source>
            <translatorcomment>nn: Letter / ANSI A</translatorcomment>
            <translation>Letter / ANSI A</translation>
        </message>
        <message>
            <source>Letter Extra</source>
            <translatorcomment>nn: Letter – ekstra</translatorcomment>
            <translation>Letter ekstra</translation>
        </message>
        <message>
            <source>Letter Plus</source>
            <translatorcomment>nn: Letter – pluss</translatorcomment>
            <translation>Letter pluss</translation>
        </message>
        <message>
            <source>Letter Small</source>
            <translatorcomment>nn: Letter – lite</translatorcomment>
            <translation>Letter liten</translation>
        </message>
        <message>
            <source>Note</source>
            <translatorcomment>nn: Note</translatorcomment>
            <translation>Note</translation>
        </message>
        <message>
            <source>PRC 16K</source>
            <translatorcomment>nn: PRC 16K</translatorcomment>
            <translation>PRC 16K</translation>
        </message>
        <message>
            <source>PRC 32K</source>
            <translatorcomment>nn: PRC 32K</translatorcomment>
            <translation>PRC 32K</translation>
        </message>
        <message>
            <source>PRC 32K Big</source>
            <translatorcomment>nn: PRC 32K – stort</translatorcomment>
            <translation>PRC 32K stor</translation>
        </message>
        <message>
            <source>Postcard</source>
            <translatorcomment>nn: Postkort</translatorcomment>
            <translation>Postkort</translation>
        </message>
        <message>
            <source>Quarto</source>
            <translatorcomment>nn: Quarto</translatorcomment>
            <translation>Quarto</translation>
        </message>
        <message>
            <source>Statement</source>
            <translatorcomment>nn: Statement</translatorcomment>
            <translation>Statement</translation>
        </message>
        <message>
            <source>Super A</source>
            <translatorcomment>nn: Super A</translatorcomment>
            <translation>Super A</translation>
        </message>
        <message>
            <source>Super B</source>
            <translatorcomment>nn: Super B</translatorcomment>
            <translation>Super B</translation>
        </message>
        <message>
            <source>Tabloid / ANSI B</source>
            <translatorcomment>nn: Tabloid / ANSI B</translatorcomment>
            <translation>Tabloid / ANSI B</translation>
        </message>
        <message>
            <source>Tabloid Extra</source>
            <translatorcomment>nn: Tabloid – ekstra</translatorcomment>
            <translation>Tabloid ekstra</translation>
        </message>
    </context>
    <context>
        <name>QTabBar</name>
        <message>
            <source>Scroll Left</source>
            <translatorcomment>nn: Rull til venstre</translatorcomment>
            <translation>Rull til venstre</translation>
        </message>
        <message>
            <source>Scroll Right</source>
            <translatorcomment>nn: Rull til høgre</translatorcomment>
            <translation>Rull til høyre</translation>
        </message>
    </context>
    <context>
        <name>QProgressDialog</name>
        <message>
            <source>Cancel</source>
            <translatorcomment>nn: Avbryt</translatorcomment>
            <translation>Avbryt</translation>
        </message>
    </context>
    <context>
        <name>QComboBox</name>
        <message>
            <source>False</source>
            <translatorcomment>nn: Usann</translatorcomment>
            <translation>Usann</translation>
        </message>
        <message>
            <source>Open the combo box selection popup</source>
            <translatorcomment>nn: Opna komboboks-sprettopp</translatorcomment>
            <translation>Åpne listen med valg</translation>
        </message>
        <message>
            <source>True</source>
            <translatorcomment>nn: Sann</translatorcomment>
            <translation>Sann</translation>
        </message>
    </context>
    <context>
        <name>QAccessibleActionInterface</name>
        <message>
            <source>Decrease</source>
            <translatorcomment>nn: Lågare</translatorcomment>
            <translation>Mink</translation>
        </message>
        <message>
            <source>Decrease the value</source>
            <translatorcomment>nn: Mink verdien</translatorcomment>
            <translation>Mink verdien</translation>
        </message>
        <message>
            <source>Goes back a page</source>
            <translatorcomment>nn: Går til førre side</translatorcomment>
            <translation>Går til forrige side</translation>
        </message>
        <message>
            <source>Goes to the next page</source>
            <translatorcomment>nn: Går til neste side</translatorcomment>
            <translation>Går til neste side</translation>
        </message>
        <message>
            <source>Increase</source>
            <translatorcomment>nn: Høgare</translatorcomment>
            <translation>Øk</translation>
        </message>
        <message>
            <source>Increase the value</source>
            <translatorcomment>nn: Auk verdien</translatorcomment>
            <translation>Øk verdien</translation>
        </message>
        <message>
            <source>Press</source>
            <translatorcomment>nn: Trykk</translatorcomment>
            <translation>Trykk</translation>
        </message>
        <message>
            <source>Scroll Left</source>
            <translatorcomment>nn: Rull til venstre</translatorcomment>
            <translation>Rull til venstre</translation>
        </message>
        <message>
            <source>Scroll Right</source>
            <translatorcomment>nn: Rull til høgre</translatorcomment>
            <translation>Rull til høyre</translation>
        </message>
        <message>
            <source>Scrolls down</source>
            <translatorcomment>nn: Rullar ned</translatorcomment>
            <translation>Ruller ned</translation>
        </message>
        <message>
            <source>Scrolls to the left</source>
            <translatorcomment>nn: Rullar til venstre</translatorcomment>
            <translation>Ruller til venstre</translation>
        </message>
        <message>
            <source>Scrolls to the right</source>
            <translatorcomment>nn: Rullar til høgre</translatorcomment>
            <translation>Ruller til høyre</translation>
        </message>
        <message>
            <source>Scrolls up</source>
            <translatorcomment>nn: Rullar opp</translatorcomment>
            <translation>Ruller opp</translation>
        </message>
        <message>
            <source>SetFocus</source>
            <translatorcomment>nn: SetFokus</translatorcomment>
            <translation>Sett fokus</translation>
        </message>
        <message>
            <source>Sets the focus</source>
            <translatorcomment>nn: Set fokuset</translatorcomment>
            <translation>Setter fokus</translation>
        </message>
        <message>
            <source>Shows the menu</source>
            <translatorcomment>nn: Vis menyen</translatorcomment>
            <translation>Viser menyen</translation>
        </message>
        <message>
            <source>Toggle</source>
            <translatorcomment>nn: På/av</translatorcomment>
            <translation>Slå av/på</translation>
        </message>
        <message>
            <source>Toggles the state</source>
            <translatorcomment>nn: Byter tilstand</translatorcomment>
            <translation>Bytter tilstand</translation>
        </message>
        <message>
            <source>Triggers the action</source>
            <translatorcomment>nn: Utløyser handlinga</translatorcomment>
            <translation>Utløser handlingen</translation>
        </message>
    </context>
</TS>
