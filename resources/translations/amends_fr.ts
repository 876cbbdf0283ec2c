<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="+160"/>
        <source>Amends cannot open its case log</source>
        <translation>Amends ne peut pas ouvrir son journal des dossiers</translation>
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
        <translation>Approbation nécessaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 would be %3 of %4</source>
        <translation>%1 : avec %2, le total serait de %3 sur %4 autorisés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2 is beyond %3&apos;s limits.</source>
        <translation>%1 — %2 dépasse les limites de %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+28"/>
        <source>Approver</source>
        <translation>Approbateur</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Approver&apos;s PIN</source>
        <translation>Code PIN de l&apos;approbateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Why this is right for the guest</source>
        <translation>Pourquoi c&apos;est juste pour le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval message</source>
        <translation>Message d&apos;approbation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Nobody here may approve this gesture.</source>
        <translation>Personne ici ne peut approuver ce geste.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The approver must give a reason.</source>
        <translation>L&apos;approbateur doit indiquer un motif.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The approver types their PIN.</source>
        <translation>L&apos;approbateur saisit son code PIN.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong PIN for the approver.</source>
        <translation>Code PIN de l&apos;approbateur incorrect.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again in %1 s.</source>
        <translation>Réessayez dans %1 s.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="+78"/>
        <source>Guest</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room / table</source>
        <translation>Chambre / table</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(no name yet)</source>
        <translation>(pas encore de nom)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>overdue %1</source>
        <translation>en retard de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message>
        <location line="+11"/>
        <source>Search by guest name or room</source>
        <translation>Rechercher par nom du client ou chambre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search guest or room…</source>
        <translation>Rechercher un client ou une chambre…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which cases to show</source>
        <translation>Dossiers à afficher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Clôturés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="+43"/>
        <source>Guest name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room or table</source>
        <translation>Chambre ou table</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Outlet</source>
        <translation>Point de vente</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+30"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+4"/>
        <location filename="../../desktop/ui/case_panel.py" line="+109"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+28"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Still missing</source>
        <translation>Encore manquant</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_panel.py" line="-39"/>
        <source>Time since the case opened</source>
        <translation>Temps écoulé depuis l&apos;ouverture du dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="-9"/>
        <source>Room / table</source>
        <translation>Chambre / table</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_panel.py" line="+15"/>
        <source>What good looks like</source>
        <translation>Ce qu&apos;il faut viser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The guest&apos;s account</source>
        <translation>Le récit du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the guest&apos;s own words…</source>
        <translation>Avec les mots du client…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How you apologised</source>
        <translation>Comment vous vous êtes excusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: what you said, how it was taken</source>
        <translation>Facultatif : ce que vous avez dit, comment le client l&apos;a pris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went wrong for the guest</source>
        <translation>Ce qui n&apos;a pas été pour le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went wrong, from the guest&apos;s side</source>
        <translation>Ce qui n&apos;a pas été, du point de vue du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A good outcome for the guest</source>
        <translation>Une bonne issue pour le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a good outcome is for them</source>
        <translation>Ce qui serait une bonne issue pour lui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done to fix it</source>
        <translation>Ce qui a été fait pour y remédier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done to put it right</source>
        <translation>Ce qui a été fait pour arranger les choses</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow-up due</source>
        <translation>Suivi à faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up note</source>
        <translation>Note de suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How is it now, in the guest&apos;s words?</source>
        <translation>Comment ça va maintenant, selon le client ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip: guest unreachable</source>
        <translation>Passer : client injoignable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip follow-up</source>
        <translation>Passer le suivi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root cause</source>
        <translation>Cause première</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detail for the supervisor</source>
        <translation>Détail pour le superviseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When, where, which shift, what exactly — so trends show</source>
        <translation>Quand, où, quelle équipe, quoi exactement — pour repérer les tendances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous step</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete step</source>
        <translation>Terminer l&apos;étape</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Case closed</source>
        <translation>Dossier clôturé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heard it — next (Ctrl+Enter)</source>
        <translation>Écouté — suivant (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apologised — next (Ctrl+Enter)</source>
        <translation>Excuses présentées — suivant (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed — next (Ctrl+Enter)</source>
        <translation>Point fait — suivant (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed — next (Ctrl+Enter)</source>
        <translation>Réparé — suivant (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Followed up — next (Ctrl+Enter)</source>
        <translation>Suivi fait — suivant (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close case (Ctrl+Enter)</source>
        <translation>Clôturer le dossier (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="+63"/>
        <source>Still needed before closing: %1</source>
        <translation>À renseigner avant la clôture : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_panel.py" line="+9"/>
        <source>Follow-up: after the fix.</source>
        <translation>Suivi : après la réparation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up done.</source>
        <translation>Suivi fait.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow-up due at %1 (in %2).</source>
        <translation>Suivi prévu à %1 (dans %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up was due at %1 (overdue %2).</source>
        <translation>Le suivi était prévu à %1 (retard de %2).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Case closed at %1. It is on record and can no longer be changed.</source>
        <translation>Dossier clôturé à %1. Il est enregistré et ne peut plus être modifié.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose a root cause before closing.</source>
        <translation>Choisissez une cause première avant de clôturer.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../desktop/ui/pin_entry.py" line="+116"/>
        <source>Change my PIN</source>
        <translation>Changer mon code PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: type your PIN as it is now, then the new one twice.</source>
        <translation>%1 : saisissez votre code PIN actuel, puis le nouveau deux fois.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>PIN now</source>
        <translation>Code PIN actuel</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>New PIN again</source>
        <translation>Nouveau code PIN (confirmation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change PIN message</source>
        <translation>Message du changement de code PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change PIN</source>
        <translation>Changer le code PIN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type your PIN as it is now.</source>
        <translation>Saisissez votre code PIN actuel.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Try again in %1 s.</source>
        <translation>Réessayez dans %1 s.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../desktop/ui/diagnostics.py" line="+85"/>
        <source>Diagnostics</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same checks as “amends doctor”. Copy the report and send it to your IT contact: it holds no PINs, keys or guest details.</source>
        <translation>Les mêmes vérifications que « amends doctor ». Copiez le rapport et envoyez-le à votre contact informatique : il ne contient ni codes PIN, ni clés, ni données de clients.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running the checks</source>
        <translation>Vérifications en cours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run again</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the checks again</source>
        <translation>Relancer les vérifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the report to the clipboard</source>
        <translation>Copier le rapport dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Running the checks…</source>
        <translation>Vérifications en cours…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The checks could not run: %1</source>
        <translation>Les vérifications n&apos;ont pas pu se faire : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n check(s) failed.</source>
        <translation>
            <numerusform>%n vérification a échoué.</numerusform>
            <numerusform>%n vérifications ont échoué.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No check failed; %n warning(s).</source>
        <translation>
            <numerusform>Aucune vérification n&apos;a échoué ; %n avertissement.</numerusform>
            <numerusform>Aucune vérification n&apos;a échoué ; %n avertissements.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every check passed.</source>
        <translation>Toutes les vérifications sont réussies.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The report is on the clipboard.</source>
        <translation>Le rapport est dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>FollowupBanner</name>
    <message>
        <location filename="../../desktop/ui/followup_banner.py" line="+23"/>
        <source>Follow-up due</source>
        <translation>Suivi à faire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open case</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Later</source>
        <translation>Plus &amp;tard</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Open the case with the follow-up due</source>
        <translation>Ouvrir le dossier dont le suivi est à faire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss the notice</source>
        <translation>Fermer l&apos;avis</translation>
    </message>
</context>
<context>
    <name>GesturePanel</name>
    <message>
        <location filename="../../desktop/ui/gesture.py" line="+71"/>
        <source>Suggested gestures: Enter grants</source>
        <translation>Gestes suggérés : Entrée pour accorder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gesture type</source>
        <translation>Type de geste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the gesture is</source>
        <translation>En quoi consiste le geste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. desserts for the table on the house</source>
        <translation>p. ex. desserts offerts à la table</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Value</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Problem with the value</source>
        <translation>Problème de montant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget left</source>
        <translation>Budget restant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget decision</source>
        <translation>Décision budgétaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+160"/>
        <location line="+10"/>
        <source>Grant</source>
        <translation>Accorder</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Grant gesture</source>
        <translation>Accorder le geste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gestures granted</source>
        <translation>Gestes accordés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrong charge corrected</source>
        <translation>Erreur de facturation corrigée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong charge corrected (not a gesture)</source>
        <translation>Erreur de facturation corrigée (pas un geste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount corrected</source>
        <translation>Montant corrigé</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Record correction</source>
        <translation>Enregistrer la correction</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suggested</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gesture</source>
        <translation>Geste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>You may still grant without approval: %1 this shift · %2 to this guest this stay · %3 in this case</source>
        <translation>Vous pouvez encore accorder sans approbation : %1 pendant ce service · %2 à ce client pour ce séjour · %3 pour ce dossier</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (approved)</source>
        <translation> (approuvé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Correction: %1 %2</source>
        <translation>Correction : %1 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Apology and the fix; no gesture</source>
        <translation>Excuses et réparation ; pas de geste</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A gesture needs a value; choose &quot;No gesture&quot; for none.</source>
        <translation>Un geste doit avoir un montant ; choisissez « Pas de geste » s&apos;il n&apos;y en a pas.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Within your limits: Enter grants it.</source>
        <translation>Dans vos limites : Entrée l&apos;accorde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>over the %1 by %2</source>
        <translation>dépasse la %1 de %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs approval: %1.</source>
        <translation>Approbation nécessaire : %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for approval…</source>
        <translation>Demander l&apos;approbation…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Say what was corrected and by how much.</source>
        <translation>Indiquez ce qui a été corrigé et de combien.</translation>
    </message>
</context>
<context>
    <name>GrantsModel</name>
    <message>
        <location filename="../../desktop/ui/review_parts.py" line="+59"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Guest</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gesture</source>
        <translation>Geste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Granted by</source>
        <translation>Accordé par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>Approuvé par</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>GuestLanguageBox</name>
    <message>
        <location filename="../../desktop/ui/guest_language.py" line="+20"/>
        <source>Guest&apos;s language (slips)</source>
        <translation>Langue du client (documents)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The apology letter and vouchers print in this language.</source>
        <translation>La lettre d&apos;excuses et les bons s&apos;impriment dans cette langue.</translation>
    </message>
</context>
<context>
    <name>HandedToUsDialog</name>
    <message>
        <location filename="../../desktop/ui/handoff_ui.py" line="+115"/>
        <location line="+1"/>
        <source>Handed to me/us</source>
        <translation>Transferts reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you did, or what is still to do</source>
        <translation>Ce que vous avez fait, ou ce qui reste à faire</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Mark done</source>
        <translation>Marquer comme fait</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note</source>
        <translation>Ajouter une note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note to the case</source>
        <translation>Ajouter une note au dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open case</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, %2: for %3 since %4, from %5. %6</source>
        <translation>%1, %2 : pour %3 depuis %4, de la part de %5. %6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a guest</source>
        <translation>un client</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing is handed to you or a department.</source>
        <translation>Aucun transfert en attente pour vous ou pour un service.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Marked done. The case&apos;s owner follows up with the guest.</source>
        <translation>Marqué comme fait. La personne en charge du dossier assure le suivi auprès du client.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Note added to the case.</source>
        <translation>Note ajoutée au dossier.</translation>
    </message>
</context>
<context>
    <name>HandoffControls</name>
    <message>
        <location filename="../../desktop/ui/handoff_controls.py" line="+36"/>
        <location line="+1"/>
        <source>Handed to me/us</source>
        <translation>Transferts reçus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand &amp;off this case…</source>
        <translation>Trans&amp;férer ce dossier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand-off de&amp;partments…</source>
        <translation>Ser&amp;vices de transfert…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Handed to me/us (%1)</source>
        <translation>Transferts reçus (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a case (or finish its first step) to hand it off.</source>
        <translation>Ouvrez un dossier (ou terminez sa première étape) pour le transférer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handed off. The follow-up is still yours.</source>
        <translation>Transféré. Le suivi reste à votre charge.</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+9"/>
        <source>Hand-off departments</source>
        <translation>Services de transfert</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The departments a case can be handed to, one per line:</source>
        <translation>Les services auxquels un dossier peut être transféré, un par ligne :</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hand-off departments: %1</source>
        <translation>Services de transfert : %1</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <location filename="../../desktop/ui/handoff_ui.py" line="-125"/>
        <source>Hand off the case</source>
        <translation>Transférer le dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Hand to</source>
        <translation>Transférer à</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Note for them</source>
        <translation>Note pour le destinataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they should do, and for whom</source>
        <translation>Ce qu&apos;il faut faire, et pour qui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The follow-up with the guest stays yours: you will be reminded to check back.</source>
        <translation>Le suivi auprès du client reste à votre charge : un rappel vous invitera à le recontacter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand off</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Handoffs</name>
    <message>
        <location line="-41"/>
        <source>Housekeeping</source>
        <translation>Étages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kitchen</source>
        <translation>Cuisine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty manager</source>
        <translation>Responsable de permanence</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Follow-up due: you handed %1 to %2, but the guest is still yours. Check back with them now.</source>
        <translation>Suivi à faire : vous avez transféré %1 à %2, mais ce client reste à votre charge. Recontactez-le maintenant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a guest</source>
        <translation>un client</translation>
    </message>
</context>
<context>
    <name>HandoffsReview</name>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>Hand-offs</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handed to</source>
        <translation>Transféré à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to done</source>
        <translation>Délai de traitement</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not done yet</source>
        <translation>pas encore traité</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 hand-offs, %2 done; typical time to done: %3.</source>
        <translation>%1 transferts, %2 traités ; délai de traitement habituel : %3.</translation>
    </message>
</context>
<context>
    <name>HeadOfficeDialog</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="+236"/>
        <source>Head office</source>
        <translation>Siège</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head office address</source>
        <translation>Adresse du siège</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolment code</source>
        <translation>Code d&apos;inscription</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of this desk</source>
        <translation>Nom de ce poste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment result</source>
        <translation>Résultat de l&apos;inscription</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This desk is enrolled with %1. Enrol again only with a new code from head office.</source>
        <translation>Ce poste est inscrit auprès de %1. Ne le réinscrivez qu&apos;avec un nouveau code du siège.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code:</source>
        <translation>Code :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk name:</source>
        <translation>Nom du poste :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrol</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type head office&apos;s address and the code.</source>
        <translation>Saisissez l&apos;adresse du siège et le code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacting head office…</source>
        <translation>Connexion au siège…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not enrolled: %1</source>
        <translation>Non inscrit : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enrolled as a desk of %1. This desk now syncs in the background.</source>
        <translation>Inscrit comme poste de %1. Ce poste se synchronise désormais en arrière-plan.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="+28"/>
        <source>Listen</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apologise</source>
        <translation>S&apos;excuser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Faire le point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix and make good</source>
        <translation>Réparer et compenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow up</source>
        <translation>Assurer le suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Documenter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Let the guest tell it their way, without interrupting. Note it in their words, not yours.</source>
        <translation>Laissez le client raconter à sa façon, sans l&apos;interrompre. Notez-le avec ses mots, pas les vôtres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say sorry sincerely and personally, for how it felt to them. No excuses, no blaming colleagues.</source>
        <translation>Excusez-vous sincèrement et personnellement pour ce que le client a ressenti. Sans vous justifier, sans accuser vos collègues.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check with the guest what went wrong from their side, and ask what a good outcome would be for them.</source>
        <translation>Vérifiez avec le client ce qui n&apos;a pas été de son point de vue, et demandez-lui ce qui serait une bonne issue pour lui.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put it right now, then add something extra that fits what they told you.</source>
        <translation>Réglez le problème maintenant, puis ajoutez une attention qui corresponde à ce qu&apos;il vous a dit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go back to the guest (in person or by phone) within 20 minutes of the fix and check it really is right.</source>
        <translation>Recontactez le client (en personne ou par téléphone) dans les 20 minutes qui suivent la réparation et vérifiez que tout est vraiment réglé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the root cause and the detail a supervisor needs to spot a trend: when, where, which shift, what exactly.</source>
        <translation>Notez la cause première et le détail dont un superviseur a besoin pour repérer une tendance : quand, où, quelle équipe, quoi exactement.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>guest name</source>
        <translation>nom du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>room or table</source>
        <translation>chambre ou table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outlet</source>
        <translation>point de vente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>severity</source>
        <translation>gravité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>root cause</source>
        <translation>cause première</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>site name</source>
        <translation>nom de l&apos;établissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hotel or restaurant</source>
        <translation>hôtel ou restaurant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>currency</source>
        <translation>devise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time zone</source>
        <translation>fuseau horaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language and region</source>
        <translation>langue et région</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outlets</source>
        <translation>points de vente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manager&apos;s name</source>
        <translation>nom du responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manager&apos;s PIN</source>
        <translation>code PIN du responsable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Food &amp; beverage service</source>
        <translation>Service de restauration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food quality</source>
        <translation>Qualité des plats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait time</source>
        <translation>Temps d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housekeeping</source>
        <translation>Ménage des chambres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room condition</source>
        <translation>État de la chambre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservation</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff conduct</source>
        <translation>Comportement du personnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordering error</source>
        <translation>Erreur de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise</source>
        <translation>Bruit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovered</source>
        <translation>Client reconquis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recovered</source>
        <translation>Client non reconquis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comp</source>
        <translation>Offert par la maison</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voucher</source>
        <translation>Bon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade</source>
        <translation>Surclassement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amenity</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit</source>
        <translation>Crédit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No gesture</source>
        <translation>Pas de geste</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Agent</source>
        <translation>Réceptionniste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per-case limit</source>
        <translation>limite par dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per-shift limit</source>
        <translation>limite par service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per-guest-stay limit</source>
        <translation>limite par client et par séjour</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This currency has no smaller unit: type a whole amount.</source>
        <translation>Cette devise n&apos;a pas de subdivision : saisissez un montant entier.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>At most %n decimal place(s) in this currency.</source>
        <translation>
            <numerusform>Au plus %n décimale dans cette devise.</numerusform>
            <numerusform>Au plus %n décimales dans cette devise.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type an amount.</source>
        <translation>Saisissez un montant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is not an amount: use digits only, like 25.00.</source>
        <translation>Ce n&apos;est pas un montant : n&apos;utilisez que des chiffres, comme 25,00.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An amount cannot be negative.</source>
        <translation>Un montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That amount is too large.</source>
        <translation>Ce montant est trop élevé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This person&apos;s role may not approve gestures.</source>
        <translation>Le rôle de cette personne ne lui permet pas d&apos;approuver des gestes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody may approve their own gesture.</source>
        <translation>Personne ne peut approuver son propre geste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is beyond what this approver may authorise; ask someone with higher limits.</source>
        <translation>Cela dépasse ce que cet approbateur peut autoriser ; demandez à quelqu&apos;un dont les limites sont plus élevées.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Something unexpected went wrong. The details are in the log file.</source>
        <translation>Un incident inattendu s&apos;est produit. Les détails sont dans le fichier journal.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This approval is not allowed.</source>
        <translation>Cette approbation n&apos;est pas permise.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This PIN is too short.</source>
        <translation>Ce code PIN est trop court.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN is too long.</source>
        <translation>Ce code PIN est trop long.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This desk has no site yet: set it up first.</source>
        <translation>Ce poste n&apos;a pas encore d&apos;établissement : configurez-le d&apos;abord.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk already has a site.</source>
        <translation>Ce poste a déjà un établissement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some set-up details are missing or wrong: %1</source>
        <translation>Des informations de configuration manquent ou sont erronées : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the person&apos;s name.</source>
        <translation>Saisissez le nom de la personne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A role is agent, supervisor or manager.</source>
        <translation>Un rôle est réceptionniste, superviseur ou responsable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This person is not on this desk&apos;s staff list.</source>
        <translation>Cette personne ne figure pas dans la liste du personnel de ce poste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone on the staff list already has this name. Add something to tell them apart (an initial, the outlet).</source>
        <translation>Une personne de la liste du personnel porte déjà ce nom. Ajoutez de quoi les distinguer (une initiale, le point de vente).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two people on the staff list have this name. A manager deactivates one of them, or the one at the other desk is named by their id.</source>
        <translation>Deux personnes de la liste du personnel portent ce nom. Un responsable désactive l&apos;une d&apos;elles, ou celle de l&apos;autre poste est désignée par son identifiant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an active manager can change the staff list.</source>
        <translation>Seul un responsable actif peut modifier la liste du personnel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the last active manager. Make someone else a manager first.</source>
        <translation>C&apos;est le dernier responsable actif. Nommez d&apos;abord quelqu&apos;un d&apos;autre responsable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You cannot change your own role or deactivate yourself. Ask another manager.</source>
        <translation>Vous ne pouvez pas modifier votre propre rôle ni vous désactiver. Demandez à un autre responsable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person has been deactivated and can no longer sign in.</source>
        <translation>Cette personne a été désactivée et ne peut plus se connecter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN is too short: at least %1 digits.</source>
        <translation>Ce code PIN est trop court : au moins %1 chiffres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PIN is too long: at most %1 digits.</source>
        <translation>Ce code PIN est trop long : au plus %1 chiffres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is made of digits only.</source>
        <translation>Un code PIN ne contient que des chiffres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PIN is too easy to guess (like 0000 or 1234). Choose another.</source>
        <translation>Ce code PIN est trop facile à deviner (comme 0000 ou 1234). Choisissez-en un autre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs are not the same. Type the new PIN twice.</source>
        <translation>Les deux codes PIN sont différents. Saisissez deux fois le nouveau code PIN.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your PIN was reset. Choose a new PIN to sign in.</source>
        <translation>Votre code PIN a été réinitialisé. Choisissez un nouveau code PIN pour vous connecter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN was not reset. Sign in with it, or change it with the old one.</source>
        <translation>Ce code PIN n&apos;a pas été réinitialisé. Connectez-vous avec, ou changez-le en saisissant l&apos;ancien.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The old PIN is not right.</source>
        <translation>L&apos;ancien code PIN est incorrect.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a supervisor or a manager can do this.</source>
        <translation>Seul un superviseur ou un responsable peut faire ceci.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This case is not on this desk.</source>
        <translation>Ce dossier n&apos;est pas sur ce poste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These details cannot be stored as typed: %1</source>
        <translation>Ces informations ne peuvent pas être enregistrées telles quelles : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not a step of the recovery.</source>
        <translation>Ce n&apos;est pas une étape de la reprise en main.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose how the case ended: recovered, not recovered or unknown.</source>
        <translation>Choisissez l&apos;issue du dossier : client reconquis, client non reconquis ou inconnue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still needed before closing: %1</source>
        <translation>À renseigner avant la clôture : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the note first.</source>
        <translation>Saisissez d&apos;abord la note.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That text is too long to store (%1 characters).</source>
        <translation>Ce texte est trop long pour être enregistré (%1 caractères).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk did not record that: what it was about to write failed its own check, a fault in this version of Amends. Nothing was written. Tell IT; the details are in the log file.</source>
        <translation>Ce poste n&apos;a pas enregistré cela : ce qu&apos;il allait écrire n&apos;a pas passé son propre contrôle, un défaut de cette version d&apos;Amends. Rien n&apos;a été écrit. Prévenez le service informatique ; les détails sont dans le fichier journal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That text has a broken character that cannot be stored (often from a paste). Type it again.</source>
        <translation>Ce texte contient un caractère corrompu qui ne peut pas être enregistré (souvent après un copier-coller). Saisissez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No voucher with this code is known here.</source>
        <translation>Aucun bon avec ce code n&apos;est connu ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That code is mistyped: check it and type it again.</source>
        <translation>Ce code est mal saisi : vérifiez-le et saisissez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This voucher has already been used.</source>
        <translation>Ce bon a déjà été utilisé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher has already been voided.</source>
        <translation>Ce bon a déjà été annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher belongs to another case.</source>
        <translation>Ce bon appartient à un autre dossier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gesture&apos;s description is too long for a voucher: shorten it.</source>
        <translation>La description du geste est trop longue pour un bon : raccourcissez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a reason for voiding the voucher.</source>
        <translation>Indiquez un motif pour annuler le bon.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no such slip.</source>
        <translation>Ce justificatif n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter has no text. Write it, or go back to the standard wording.</source>
        <translation>La lettre n&apos;a pas de texte. Rédigez-la ou revenez à la formulation standard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a receipt printer address: type tcp://HOST:PORT (a network printer, port 9100 if left out) or usb://VENDOR:PRODUCT.</source>
        <translation>« %1 » n&apos;est pas une adresse d&apos;imprimante de tickets : saisissez tcp://HÔTE:PORT (imprimante réseau, port 9100 si omis) ou usb://FABRICANT:PRODUIT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt printer %1 did not take the slip: check that it is on, connected and has paper.</source>
        <translation>L&apos;imprimante de tickets %1 n&apos;a pas accepté le document : vérifiez qu&apos;elle est allumée, connectée et qu&apos;elle a du papier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand the case to a colleague or to one of the site&apos;s departments.</source>
        <translation>Transférez le dossier à un collègue ou à l&apos;un des services de l&apos;établissement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case is already yours: hand it to someone else.</source>
        <translation>Ce dossier est déjà le vôtre : transférez-le à quelqu&apos;un d&apos;autre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This hand-off is not on this desk.</source>
        <translation>Ce transfert n&apos;est pas sur ce poste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This hand-off is already done.</source>
        <translation>Ce transfert est déjà traité.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk&apos;s keychain cannot be used, so no voucher can be signed. Ask IT to run Help → Diagnostics.</source>
        <translation>Le trousseau de ce poste est inutilisable : aucun bon ne peut être signé. Demandez au service informatique de lancer Aide → Diagnostic.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such setting.</source>
        <translation>Ce réglage n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That value cannot be stored for this setting.</source>
        <translation>Cette valeur ne peut pas être enregistrée pour ce réglage.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/store_labels.py" line="+24"/>
        <source>The case log %1 is not an Amends database (it may be damaged). Amends has not changed it. Restore it from a backup, or move it aside to start a new, empty log.</source>
        <translation>Le journal des dossiers %1 n&apos;est pas une base de données Amends (il est peut-être endommagé). Amends ne l&apos;a pas modifié. Restaurez-le depuis une sauvegarde, ou mettez-le de côté pour commencer un journal neuf et vide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case log %1 is damaged. Amends has not changed it. Run &apos;amends doctor&apos; for details and restore the file from a backup.</source>
        <translation>Le journal des dossiers %1 est endommagé. Amends ne l&apos;a pas modifié. Lancez « amends doctor » pour les détails et restaurez le fichier depuis une sauvegarde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 was written by a newer version of Amends. Install that version or newer; this one will not change the file.</source>
        <translation>Le journal des dossiers %1 a été écrit par une version plus récente d&apos;Amends. Installez cette version ou une plus récente ; celle-ci ne modifiera pas le fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 cannot be read. Amends has not changed it. Restore it from a backup, or move it aside to start a new, empty log.</source>
        <translation>Le journal des dossiers %1 ne peut pas être lu. Amends ne l&apos;a pas modifié. Restaurez-le depuis une sauvegarde, ou mettez-le de côté pour commencer un journal neuf et vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data folder %1 cannot be created. Choose another with --data-dir or AMENDS_HOME.</source>
        <translation>Le dossier de données %1 ne peut pas être créé. Choisissez-en un autre avec --data-dir ou AMENDS_HOME.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 no longer verifies: an event was changed after it was written. Amends will not use or change it. Run &apos;amends doctor&apos;, and restore the file from a backup or ask head office to restore this desk.</source>
        <translation>Le journal des dossiers %1 ne se vérifie plus : un événement a été modifié après son écriture. Amends ne l&apos;utilisera ni ne le modifiera. Lancez « amends doctor », puis restaurez le fichier depuis une sauvegarde ou demandez au siège de restaurer ce poste.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/labels.py" line="+13"/>
        <source>%n event(s) from other desks could not be used by this version of Amends and are kept apart; everything else is shown and syncing goes on. Update Amends on this desk; Help → Diagnostics says more.</source>
        <translation>
            <numerusform>%n événement d&apos;autres postes n&apos;a pas pu être utilisé par cette version d&apos;Amends et est mis à part ; tout le reste est affiché et la synchronisation continue. Mettez Amends à jour sur ce poste ; Aide → Diagnostic en dit plus.</numerusform>
            <numerusform>%n événements d&apos;autres postes n&apos;ont pas pu être utilisés par cette version d&apos;Amends et sont mis à part ; tout le reste est affiché et la synchronisation continue. Mettez Amends à jour sur ce poste ; Aide → Diagnostic en dit plus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Head office cannot be reached. Nothing is lost: this desk&apos;s cases wait here and go when it can.</source>
        <translation>Le siège est injoignable. Rien n&apos;est perdu : les dossiers de ce poste attendent ici et partiront dès que possible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office is unavailable just now; this desk will try again.</source>
        <translation>Le siège est indisponible pour le moment ; ce poste réessaiera.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up this desk (site, currency, manager) before enrolling it.</source>
        <translation>Configurez ce poste (établissement, devise, responsable) avant de l&apos;inscrire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not a head-office address: it starts with https://</source>
        <translation>Ce n&apos;est pas une adresse du siège : elle commence par https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head office did not take this code: it may be mistyped, used or expired. Ask head office for a new code.</source>
        <translation>Le siège n&apos;a pas accepté ce code : il est peut-être mal saisi, déjà utilisé ou expiré. Demandez un nouveau code au siège.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused this desk: it does not match the site the code is for (its currency, or another site). Ask head office.</source>
        <translation>Le siège a refusé ce poste : il ne correspond pas à l&apos;établissement du code (sa devise, ou un autre établissement). Adressez-vous au siège.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office already knows this desk and needs proof that it is this desk, but its key is gone from this computer. Ask head office for a re-enrolment code for this desk and enter that code.</source>
        <translation>Le siège connaît déjà ce poste et demande la preuve qu&apos;il s&apos;agit bien de lui, mais sa clé a disparu de cet ordinateur. Demandez au siège un code de réinscription pour ce poste et saisissez ce code.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Head office has had too many attempts from this network. Wait a few minutes, then try again.</source>
        <translation>Le siège a reçu trop de tentatives depuis ce réseau. Patientez quelques minutes, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk is not enrolled with head office. Enrol it with a code from head office.</source>
        <translation>Ce poste n&apos;est pas inscrit auprès du siège. Inscrivez-le avec un code du siège.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office no longer accepts this desk (it was revoked, or enrolled again elsewhere). Enrol it again with a new code.</source>
        <translation>Le siège n&apos;accepte plus ce poste (il a été révoqué, ou réinscrit ailleurs). Réinscrivez-le avec un nouveau code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk&apos;s keychain cannot keep the head-office token. Ask IT to run Help → Diagnostics.</source>
        <translation>Le trousseau de ce poste ne peut pas conserver le jeton du siège. Demandez au service informatique de lancer Aide → Diagnostic.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office accepted this desk, but the desk could not note it. Try again with a new code.</source>
        <translation>Le siège a accepté ce poste, mais le poste n&apos;a pas pu l&apos;enregistrer. Réessayez avec un nouveau code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused this desk&apos;s events. They are kept here; ask head office to look at this desk.</source>
        <translation>Le siège a refusé les événements de ce poste. Ils sont conservés ici ; demandez au siège d&apos;examiner ce poste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused an event of this desk that the other desks could not use (a fault in this version of Amends). This desk&apos;s cases are kept here, and nothing after that event is sent until it is sorted out. Ask IT to update Amends on this desk and to tell head office.</source>
        <translation>Le siège a refusé un événement de ce poste que les autres postes ne pouvaient pas utiliser (un défaut de cette version d&apos;Amends). Les dossiers de ce poste sont conservés ici, et rien de ce qui suit cet événement n&apos;est envoyé tant que le problème n&apos;est pas réglé. Demandez au service informatique de mettre Amends à jour sur ce poste et de prévenir le siège.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Head office refused to send what this desk asked for. Ask head office to look at this desk.</source>
        <translation>Le siège a refusé d&apos;envoyer ce que ce poste demandait. Demandez au siège d&apos;examiner ce poste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office&apos;s answer could not be understood. Check the address, or ask IT.</source>
        <translation>La réponse du siège est incompréhensible. Vérifiez l&apos;adresse ou demandez au service informatique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office sent other desks&apos; events that do not verify; they were not taken. Ask head office to check this site.</source>
        <translation>Le siège a envoyé des événements d&apos;autres postes qui ne se vérifient pas ; ils n&apos;ont pas été repris. Demandez au siège de vérifier cet établissement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office&apos;s budget policy cannot be used by this desk. Ask head office to check it.</source>
        <translation>Ce poste ne peut pas utiliser la politique budgétaire du siège. Demandez au siège de la vérifier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk could not store what head office sent. Run Help → Diagnostics.</source>
        <translation>Ce poste n&apos;a pas pu enregistrer ce que le siège a envoyé. Lancez Aide → Diagnostic.</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>This case is already closed.</source>
        <translation>Ce dossier est déjà clôturé.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a kind of gesture.</source>
        <translation>Choisissez un type de geste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong PIN for the approver.</source>
        <translation>Code PIN de l&apos;approbateur incorrect.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The approver must give a reason.</source>
        <translation>L&apos;approbateur doit indiquer un motif.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>That value cannot be granted.</source>
        <translation>Ce montant ne peut pas être accordé.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Only a manager can change this.</source>
        <translation>Seul un responsable peut modifier ceci.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un code PIN comporte de 4 à 8 chiffres.</translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message>
        <location filename="../../desktop/ui/letter_ui.py" line="+38"/>
        <source>About the apology letter</source>
        <translation>À propos de la lettre d&apos;excuses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apology letter</source>
        <translation>Lettre d&apos;excuses</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit wording</source>
        <translation>&amp;Modifier la formulation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the letter&apos;s wording for this guest</source>
        <translation>Modifier la formulation de la lettre pour ce client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard wording</source>
        <translation>Formulation standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the standard wording</source>
        <translation>Revenir à la formulation standard</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Printed: a reprint is this same letter.</source>
        <translation>Imprimée : une réimpression est cette même lettre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The apology letter, in %1, as it will print.</source>
        <translation>La lettre d&apos;excuses, en %1, telle qu&apos;elle sera imprimée.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your wording for this guest: it prints as you leave it. A blank line starts a new paragraph.</source>
        <translation>Votre formulation pour ce client : elle s&apos;imprime telle que vous la laissez. Une ligne vide commence un nouveau paragraphe.</translation>
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
        <translation>Appuyez sur Ctrl+N (ou « Nouveau dossier ») quand un client a un problème.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Signed in as</source>
        <translation>Connecté en tant que</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="-50"/>
        <source>Budget left</source>
        <translation>Budget restant</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+5"/>
        <location filename="../../desktop/ui/main_window.py" line="+1"/>
        <source>Budget left this shift</source>
        <translation>Budget restant pour ce service</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 left this shift</source>
        <translation>Il reste %1 sur %2 pour ce service</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+1"/>
        <location line="+1"/>
        <source>End shift</source>
        <translation>Terminer le service</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Case</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New case</source>
        <translation>&amp;Nouveau dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Vouchers…</source>
        <translation>&amp;Bons…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Review…</source>
        <translation>&amp;Bilan…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;End shift</source>
        <translation>&amp;Terminer le service</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget &amp;policy…</source>
        <translation>&amp;Politique budgétaire…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;rinters…</source>
        <translation>&amp;Imprimantes…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Head office…</source>
        <translation>&amp;Siège…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnostic…</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>You may still grant %1 this shift without approval.</source>
        <translation>Vous pouvez encore accorder %1 pendant ce service sans approbation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For %1 this stay: %2.</source>
        <translation>Pour %1 pendant ce séjour : %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this guest</source>
        <translation>ce client</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>a guest</source>
        <translation>un client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up due now: %1%2.</source>
        <translation>Suivi à faire maintenant : %1%2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up due</source>
        <translation>Suivi à faire</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk_toolbar.py" line="+33"/>
        <source>Desk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>More actions</source>
        <translation>Plus d&apos;actions</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../desktop/ui/pin_entry.py" line="-84"/>
        <source>Digit %1</source>
        <translation>Chiffre %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear the PIN field</source>
        <translation>Effacer le champ du code PIN</translation>
    </message>
</context>
<context>
    <name>Playbook</name>
    <message>
        <location filename="../../tools/playbook_strings_generated.py" line="+8"/>
        <source>Voucher for a coffee or a drink</source>
        <translation>Bon pour un café ou une boisson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and the fix; no gesture needed</source>
        <translation>Excuses et réparation ; pas besoin de geste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A drink on the house</source>
        <translation>Une boisson offerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drinks or dessert on the house</source>
        <translation>Boissons ou dessert offerts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher for the café or bar</source>
        <translation>Bon pour le café ou le bar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The affected item or meal comped</source>
        <translation>L&apos;article ou le repas concerné offert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and beverage credit</source>
        <translation>Crédit restauration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole bill or night comped</source>
        <translation>Toute l&apos;addition ou la nuit offerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund of what the guest paid for the failed service</source>
        <translation>Remboursement de ce que le client a payé pour le service raté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and the order put right at once</source>
        <translation>Excuses et commande corrigée immédiatement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coffee or a soft drink on the house</source>
        <translation>Café ou boisson fraîche offerts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desserts for the table on the house</source>
        <translation>Desserts offerts à la table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A round of drinks on the house</source>
        <translation>Une tournée offerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meal comped</source>
        <translation>Le repas offert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry cleaning or replacement paid, and a credit</source>
        <translation>Pressing ou remplacement payé, et un crédit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dish replaced straight away, with an apology</source>
        <translation>Plat remplacé immédiatement, avec des excuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dish taken off the bill</source>
        <translation>Le plat retiré de l&apos;addition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dessert on the house</source>
        <translation>Dessert offert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole table&apos;s meal comped</source>
        <translation>Le repas de toute la table offert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desserts or drinks for the table on the house</source>
        <translation>Desserts ou boissons offerts à la table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and an honest explanation of the delay</source>
        <translation>Excuses et explication honnête du retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mains for the table taken off the bill</source>
        <translation>Les plats principaux de la table retirés de l&apos;addition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room put right at once; supervisor checks it</source>
        <translation>Chambre remise en état immédiatement ; un superviseur la vérifie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade to a better room and a welcome drink</source>
        <translation>Surclassement dans une meilleure chambre et boisson de bienvenue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome drink in the lounge while the room is readied</source>
        <translation>Boisson de bienvenue au salon pendant qu&apos;on prépare la chambre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One night&apos;s room rate credited</source>
        <translation>Le prix d&apos;une nuit crédité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed at once and tested with the guest</source>
        <translation>Réparé immédiatement et vérifié avec le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late checkout and breakfast in the room</source>
        <translation>Départ tardif et petit-déjeuner en chambre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breakfast for two</source>
        <translation>Petit-déjeuner pour deux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to a better room type for the rest of the stay</source>
        <translation>Chambre de catégorie supérieure pour le reste du séjour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineering fixes it now; follow up when done</source>
        <translation>La maintenance répare tout de suite ; suivi une fois fini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spa or café voucher for the next visit</source>
        <translation>Bon spa ou café pour la prochaine visite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and beverage credit for the party</source>
        <translation>Crédit restauration pour le groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to a room that works, a category up</source>
        <translation>Chambre en bon état, une catégorie au-dessus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong charge corrected (a correction, not a gesture)</source>
        <translation>Erreur de facturation corrigée (une correction, pas un geste)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge corrected and the cause checked</source>
        <translation>Facturation corrigée et cause vérifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A drink at the bar with our apologies</source>
        <translation>Un verre au bar avec nos excuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Champagne and a dessert for the occasion</source>
        <translation>Champagne et dessert pour l&apos;occasion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best available table or room</source>
        <translation>La meilleure table ou chambre disponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First course or first night on the house</source>
        <translation>Entrée ou première nuit offerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Night at a partner hotel paid, with transport both ways</source>
        <translation>Nuit payée dans un hôtel partenaire, transport aller-retour compris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal apology from the duty manager</source>
        <translation>Excuses personnelles du responsable de permanence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evening drinks on the house</source>
        <translation>Boissons du soir offertes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order corrected before anything is charged</source>
        <translation>Commande corrigée avant toute facturation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit toward the next order</source>
        <translation>Crédit sur la prochaine commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late checkout</source>
        <translation>Départ tardif</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="+41"/>
        <source>Budget policy</source>
        <translation>Politique budgétaire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follow-up after minutes</source>
        <translation>Suivi après minutes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voucher valid for days</source>
        <translation>Validité du bon en jours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après minutes d&apos;inactivité</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Price factor of suggested gestures</source>
        <translation>Coefficient de prix des gestes suggérés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many %1 match one reference unit (about a US dollar) in suggested gestures; empty: the shipped factor.</source>
        <translation>Nombre de %1 correspondant à une unité de référence (environ un dollar US) dans les gestes suggérés ; vide : le coefficient fourni d&apos;origine.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print voucher and apology as soon as a voucher is granted</source>
        <translation>Imprimer le bon et la lettre d&apos;excuses dès qu&apos;un bon est accordé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print on grant</source>
        <translation>Impression à l&apos;octroi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow up after (minutes)</source>
        <translation>Suivi après (minutes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vouchers valid (days)</source>
        <translation>Validité des bons (jours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the desk after (idle minutes)</source>
        <translation>Verrouiller le poste après (minutes d&apos;inactivité)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price factor (%1)</source>
        <translation>Coefficient de prix (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy message</source>
        <translation>Message de la politique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as new version</source>
        <translation>Enregistrer comme nouvelle version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save policy</source>
        <translation>Enregistrer la politique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Policy version %1. Amounts in %2.</source>
        <translation>Version %1 de la politique. Montants en %2.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The price factor is a number above 0, such as 0.4 or 150.</source>
        <translation>Le coefficient de prix est un nombre supérieur à 0, comme 0,4 ou 150.</translation>
    </message>
</context>
<context>
    <name>PrintersDialog</name>
    <message>
        <location filename="../../desktop/ui/slips_ui.py" line="+330"/>
        <source>Printers</source>
        <translation>Imprimantes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>80 mm receipt roll</source>
        <translation>Rouleau de tickets de 80 mm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher slips</source>
        <translation>Tickets de bons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology slips</source>
        <translation>Lettres d&apos;excuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer</source>
        <translation>imprimante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default printer</source>
        <translation>Imprimante par défaut du système</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (not connected)</source>
        <translation>%1 (non connectée)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paper</source>
        <translation>papier</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save printers</source>
        <translation>Enregistrer les imprimantes</translation>
    </message>
</context>
<context>
    <name>ReceiptAddress</name>
    <message>
        <location filename="../../desktop/ui/receipt_printers.py" line="+24"/>
        <source>Receipt printer address</source>
        <translation>Adresse de l&apos;imprimante de tickets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcp://192.168.1.50:9100 or usb://04b8:0e15</source>
        <translation>tcp://192.168.1.50:9100 ou usb://04b8:0e15</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt printer (ESC/POS, no driver)…</source>
        <translation>Imprimante de tickets (ESC/POS, sans pilote)…</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/review_screen.py" line="+70"/>
        <source>Review</source>
        <translation>Faire le point</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From … to …</source>
        <translation>Du … au …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the review as PDF</source>
        <translation>Exporter le bilan en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the review as CSV</source>
        <translation>Exporter le bilan en CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review message</source>
        <translation>Message du bilan</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Spend by person</source>
        <translation>Dépense par personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spend by gesture type, category and outlet</source>
        <translation>Dépense par type de geste, catégorie et point de vente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gestures granted</source>
        <translation>Gestes accordés</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+25"/>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Follow-ups and open cases</source>
        <translation>Suivis et dossiers ouverts</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Worth a look</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Cases behind it</source>
        <translation>Dossiers concernés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by number of cases</source>
        <translation>Catégories par nombre de dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by spend</source>
        <translation>Catégories par dépense</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+232"/>
        <source>Spend over time</source>
        <translation>Dépense dans le temps</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>When failures happen</source>
        <translation>Quand surviennent les problèmes</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+121"/>
        <location line="+11"/>
        <source>Gestures</source>
        <translation>Gestes</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-offs</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Trends</source>
        <translation>Tendances</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The last day is before the first.</source>
        <translation>Le dernier jour est avant le premier.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The review could not be made: %1</source>
        <translation>Le bilan n&apos;a pas pu être établi : %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Spend %1 of a budget of %2 (the shift allowances worked). %3 gestures, %4 cases, %5 still open. Recovery rate: %6.</source>
        <translation>Dépense de %1 sur un budget de %2 (les enveloppes des services travaillés). %3 gestes, %4 dossiers, %5 encore ouverts. Taux de reconquête : %6.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_cards.py" line="+41"/>
        <location filename="../../desktop/ui/review_screen.py" line="+0"/>
        <location line="+13"/>
        <source>Spend</source>
        <translation>Dépense</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the budget spent</source>
        <translation>Part du budget dépensée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovery rate</source>
        <translation>Taux de rétablissement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 gestures in %2 cases</source>
        <translation>%1 gestes dans %2 dossiers</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 % spent (of the shift allowances worked)</source>
        <translation>%1 % dépensé (des enveloppes des services effectués)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cases still open</source>
        <translation>%1 dossiers encore ouverts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_screen.py" line="-12"/>
        <source>Shifts</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-shift limit</source>
        <translation>Limite par service</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gesture</source>
        <translation>Geste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outlet</source>
        <translation>Point de vente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approver</source>
        <translation>Approbateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by</source>
        <translation>Demandé par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>given</source>
        <translation>accordée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>declined</source>
        <translation>refusée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>late</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed</source>
        <translation>manqué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing stands out in this period.</source>
        <translation>Rien de particulier sur cette période.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One guest, gestures in several cases this stay</source>
        <translation>Un même client, des gestes dans plusieurs dossiers pendant ce séjour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At or near the shift limit, shift after shift</source>
        <translation>À la limite du service ou presque, service après service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many approvals asked for</source>
        <translation>Beaucoup d&apos;approbations demandées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher expired unused</source>
        <translation>Bon expiré sans avoir servi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher redeemed twice</source>
        <translation>Bon utilisé deux fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases closed without a follow-up</source>
        <translation>Dossiers clôturés sans suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A limit passed once two desks synced</source>
        <translation>Limite dépassée une fois deux postes synchronisés</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Categories by cases with gestures, most first</source>
        <translation>Catégories par dossiers avec gestes, du plus au moins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by spend, largest first</source>
        <translation>Catégories par dépense, de la plus grande à la plus petite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend (%1)</source>
        <translation>Dépense (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spend per day</source>
        <translation>Dépense par jour</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show a period first.</source>
        <translation>Affichez d&apos;abord une période.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export review</source>
        <translation>Exporter le bilan</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not save: %1</source>
        <translation>Impossible d&apos;enregistrer : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as %1.</source>
        <translation>Enregistré sous %1.</translation>
    </message>
</context>
<context>
    <name>RosterTable</name>
    <message>
        <location filename="../../desktop/ui/staff_table.py" line="+29"/>
        <source>Staff list</source>
        <translation>Liste du personnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active, must set a new PIN</source>
        <translation>Actif, doit choisir un nouveau code PIN</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/ui/setup.py" line="+59"/>
        <source>Welcome to Amends</source>
        <translation>Bienvenue dans Amends</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up this desk for your property, or try the demo site first to see how a recovery case runs.</source>
        <translation>Configurez ce poste pour votre établissement, ou essayez d&apos;abord le site de démonstration pour voir comment se déroule un dossier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+28"/>
        <source>Site name</source>
        <translation>Nom de l&apos;établissement</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Kind of site</source>
        <translation>Type d&apos;établissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hotel</source>
        <translation>Hôtel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restaurant</source>
        <translation>Restaurant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Currency (ISO code)</source>
        <translation>Devise (code ISO)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Language and number format</source>
        <translation>Langue et format des nombres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First manager&apos;s name</source>
        <translation>Nom du premier responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN</source>
        <translation>Code PIN du responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN again</source>
        <translation>Code PIN du responsable à nouveau</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale</source>
        <translation>Langue et région</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN (4–8 digits)</source>
        <translation>Code PIN (4 à 8 chiffres)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN again</source>
        <translation>Code PIN à nouveau</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Create site</source>
        <translation>Créer l&apos;établissement</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Try the demo site</source>
        <translation>Essayer le site de démonstration</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Give the site a name.</source>
        <translation>Donnez un nom à l&apos;établissement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose hotel or restaurant.</source>
        <translation>Choisissez hôtel ou restaurant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a currency code: use three letters such as USD, EUR, JPY.</source>
        <translation>Ce n&apos;est pas un code de devise : utilisez trois lettres, comme EUR, USD, CHF.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a time zone from the list, such as Europe/Paris.</source>
        <translation>Choisissez un fuseau horaire dans la liste, comme Europe/Paris.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a locale: use a name such as en_US or fr_FR.</source>
        <translation>Ce n&apos;est pas un code de langue et région : utilisez un nom comme fr_FR ou en_US.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the first manager&apos;s name.</source>
        <translation>Saisissez le nom du premier responsable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is 4 to 8 digits, and not an easy one like 0000 or 1234.</source>
        <translation>Un code PIN comporte de 4 à 8 chiffres, et pas un code facile comme 0000 ou 1234.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs differ.</source>
        <translation>Les deux codes PIN sont différents.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../desktop/ui/signin.py" line="+71"/>
        <source>Who is at the desk?</source>
        <translation>Qui est à l&apos;accueil ?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap your name, or type its first letters.</source>
        <translation>Touchez votre nom ou tapez ses premières lettres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+167"/>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Sign-in message</source>
        <translation>Message de connexion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pin_pad.py" line="+30"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear PIN</source>
        <translation>Effacer le code PIN</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <location filename="../../desktop/ui/signin.py" line="+166"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Digit %1</source>
        <translation>Chiffre %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/signin.py" line="-93"/>
        <source>Demo site. PINs: %1</source>
        <translation>Site de démonstration. Codes PIN : %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New PIN again</source>
        <translation>Nouveau code PIN (confirmation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set PIN and sign in</source>
        <translation>Enregistrer le code PIN et se connecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the new PIN again.</source>
        <translation>Saisissez encore une fois le nouveau code PIN.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="+11"/>
        <location filename="../../desktop/ui/signin.py" line="-66"/>
        <location line="+5"/>
        <location line="+69"/>
        <location line="+39"/>
        <location line="+38"/>
        <location line="+4"/>
        <source>Opening the case log…</source>
        <translation>Ouverture du journal des dossiers…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/signin.py" line="-52"/>
        <source>Pick your name first.</source>
        <translation>Choisissez d&apos;abord votre nom.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your new PIN.</source>
        <translation>Saisissez votre nouveau code PIN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type your PIN.</source>
        <translation>Saisissez votre code PIN.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>That person can no longer sign in here.</source>
        <translation>Cette personne ne peut plus se connecter ici.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Code PIN incorrect. Réessayez.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>You can try your PIN again.</source>
        <translation>Vous pouvez à nouveau essayer votre code PIN.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>Code PIN incorrect. Réessayez dans %1 s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Trop de codes PIN incorrects. Réessayez dans %1 s.</translation>
    </message>
</context>
<context>
    <name>SlipBar</name>
    <message>
        <location filename="../../desktop/ui/slips_ui.py" line="-280"/>
        <source>Print the voucher</source>
        <translation>Imprimer le bon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the apology</source>
        <translation>Imprimer la lettre d&apos;excuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which slip</source>
        <translation>Quel document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print with the print dialog</source>
        <translation>Imprimer avec la boîte de dialogue d&apos;impression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the slip as PDF</source>
        <translation>Enregistrer le document en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code</source>
        <translation>Code du bon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing message</source>
        <translation>Message d&apos;impression</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Voucher %1</source>
        <translation>Bon %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apology letter</source>
        <translation>Lettre d&apos;excuses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voucher code: %1</source>
        <translation>Code du bon : %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Making the slip…</source>
        <translation>Préparation du document…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No printer is set up for this slip, or it is not connected.</source>
        <translation>Aucune imprimante n&apos;est configurée pour ce document, ou elle n&apos;est pas connectée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer did not take the slip.</source>
        <translation>L&apos;imprimante n&apos;a pas accepté le document.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>The slip is saved as %1.</source>
        <translation>Le document est enregistré sous %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sent to the printer. A copy is kept as %1.</source>
        <translation>Envoyé à l&apos;imprimante. Une copie est conservée sous %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the receipt printer. A copy is kept as %1.</source>
        <translation>Envoyé à l&apos;imprimante de tickets. Une copie est conservée sous %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the printer (job %2). A copy is kept as %1.</source>
        <translation>Envoyé à l&apos;imprimante (tâche %2). Une copie est conservée sous %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>Bon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apology</source>
        <translation>Lettre d&apos;excuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Save slip as PDF</source>
        <translation>Enregistrer le document en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Could not save there (%1). The slip is kept as %2.</source>
        <translation>Impossible d&apos;enregistrer à cet endroit (%1). Le document est conservé sous %2.</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>&amp;Print voucher and apology (Ctrl+P)</source>
        <translation>&amp;Imprimer le bon et la lettre d&apos;excuses (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the voucher and the apology</source>
        <translation>Imprimer le bon et la lettre d&apos;excuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print &amp;voucher</source>
        <translation>Imprimer le &amp;bon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print &amp;apology</source>
        <translation>Imprimer la &amp;lettre d&apos;excuses</translation>
    </message>
    <message>
        <location line="+221"/>
        <source>Saved as %1.</source>
        <translation>Enregistré sous %1.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desktop/ui/staff.py" line="+51"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add someone…</source>
        <translation>Ajouter une personne…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add someone to the staff</source>
        <translation>Ajouter une personne au personnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role…</source>
        <translation>Changer le rôle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the chosen person&apos;s role</source>
        <translation>Changer le rôle de la personne choisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate…</source>
        <translation>Désactiver…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate the chosen person</source>
        <translation>Désactiver la personne choisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN…</source>
        <translation>Réinitialiser le code PIN…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the chosen person&apos;s PIN</source>
        <translation>Réinitialiser le code PIN de la personne choisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose a person, then what to do. Deactivated people stay on the list: their name stays in the history.</source>
        <translation>Choisissez une personne, puis l&apos;action à faire. Les personnes désactivées restent dans la liste : leur nom reste dans l&apos;historique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New person&apos;s name</source>
        <translation>Nom de la nouvelle personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New person&apos;s role</source>
        <translation>Rôle de la nouvelle personne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New person&apos;s PIN</source>
        <translation>Code PIN de la nouvelle personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New person&apos;s PIN again</source>
        <translation>Code PIN de la nouvelle personne (confirmation)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN again</source>
        <translation>Code PIN à nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new person types their PIN, twice.</source>
        <translation>La nouvelle personne saisit son code PIN, deux fois.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add this person</source>
        <translation>Ajouter cette personne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add someone</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New role</source>
        <translation>Nouveau rôle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save role</source>
        <translation>Enregistrer le rôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the new role</source>
        <translation>Enregistrer le nouveau rôle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What is wrong</source>
        <translation>Ce qui ne va pas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Added %1 as %2.</source>
        <translation>%1 ajouté au personnel comme %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New role for %1:</source>
        <translation>Nouveau rôle pour %1 :</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is now %2.</source>
        <translation>Rôle de %1 : %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deactivate %1? They will never be able to sign in again. Their name stays in the history of their cases.</source>
        <translation>Désactiver %1 ? Cette personne ne pourra plus jamais se connecter. Son nom reste dans l&apos;historique de ses dossiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is deactivated and can no longer sign in.</source>
        <translation>%1 est désactivé et ne peut plus se connecter.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reset %1&apos;s PIN? Their PIN stops working now; they choose a new one at their next sign-in.</source>
        <translation>Réinitialiser le code PIN de %1 ? Son code PIN cesse de fonctionner dès maintenant ; un nouveau sera choisi à la prochaine connexion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset PIN</source>
        <translation>Réinitialiser le code PIN</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 chooses a new PIN at their next sign-in.</source>
        <translation>%1 choisira un nouveau code PIN à sa prochaine connexion.</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <location filename="../../desktop/ui/staff_menu.py" line="+25"/>
        <source>&amp;Staff…</source>
        <translation>P&amp;ersonnel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change &amp;my PIN…</source>
        <translation>Changer &amp;mon code PIN…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your PIN is changed.</source>
        <translation>Votre code PIN a été changé.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="-129"/>
        <source>Head office</source>
        <translation>Siège</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync state</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events waiting</source>
        <translation>Événements en attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synced</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem</source>
        <translation>Dernier problème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events held back</source>
        <translation>Événements retenus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be sent:</source>
        <translation>En attente d&apos;envoi :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synced:</source>
        <translation>Dernière synchronisation :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem:</source>
        <translation>Dernier problème :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held back:</source>
        <translation>Retenus :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Enrol this desk in Settings → Head office…</source>
        <translation>Inscrivez ce poste dans Paramètres → Siège…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <location line="+1"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <location line="-145"/>
        <source>Head office sync</source>
        <translation>Synchronisation avec le siège</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%1 — %n event(s) held back</source>
        <translation>
            <numerusform>%1 — %n événement retenu</numerusform>
            <numerusform>%1 — %n événements retenus</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click for details</source>
        <translation>Cliquez pour les détails</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not connected to head office</source>
        <translation>Non connecté au siège</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Offline — %n event(s) waiting</source>
        <translation>
            <numerusform>Hors ligne — %n événement en attente</numerusform>
            <numerusform>Hors ligne — %n événements en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sync problem — %n event(s) waiting</source>
        <translation>
            <numerusform>Problème de synchronisation — %n événement en attente</numerusform>
            <numerusform>Problème de synchronisation — %n événements en attente</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Synced just now</source>
        <translation>Synchronisé à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n min</numerusform>
            <numerusform>Synchronisé il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Synced %n h ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n h</numerusform>
            <numerusform>Synchronisé il y a %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Synced %n days ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n jour</numerusform>
            <numerusform>Synchronisé il y a %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vouchers</name>
    <message>
        <location filename="../../desktop/ui/vouchers.py" line="+38"/>
        <source>Valid: %1 — %2 for %3, until %4.</source>
        <translation>Valide : %1 — %2 pour %3, jusqu&apos;au %4.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeemed: %1 — %2 for %3.</source>
        <translation>Utilisé : %1 — %2 pour %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>at this desk</source>
        <translation>à ce poste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at another desk</source>
        <translation>à un autre poste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already redeemed on %1 %2 by %3. It cannot be used twice.</source>
        <translation>Déjà utilisé le %1 %2 par %3. Il ne peut pas servir deux fois.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No voucher with this code was issued here.</source>
        <translation>Aucun bon portant ce code n&apos;a été émis ici.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This voucher has expired.</source>
        <translation>Ce bon a expiré.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher was voided.</source>
        <translation>Ce bon a été annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher does not verify: it may be forged. Keep the slip and call a supervisor.</source>
        <translation>Ce bon ne passe pas la vérification : il est peut-être falsifié. Gardez le ticket et appelez un superviseur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is not a voucher code: check each character and type it again.</source>
        <translation>Ce n&apos;est pas un code de bon : vérifiez chaque caractère et saisissez-le à nouveau.</translation>
    </message>
</context>
<context>
    <name>VouchersDialog</name>
    <message>
        <location line="+17"/>
        <source>Vouchers</source>
        <translation>Bons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code or scanned QR</source>
        <translation>Code du bon ou QR scanné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the code or scan the QR</source>
        <translation>Saisissez le code ou scannez le QR</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check voucher</source>
        <translation>Vérifier le bon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeem voucher</source>
        <translation>Utiliser le bon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason to void</source>
        <translation>Motif de l&apos;annulation</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redeem</source>
        <translation>&amp;Utiliser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>V&amp;oid</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void voucher</source>
        <translation>Annuler le bon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher check result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why it is voided, for the log</source>
        <translation>Motif de l&apos;annulation, pour le journal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason to &amp;void</source>
        <translation>&amp;Motif de l&apos;annulation</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Voided.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>WholeChainCheck</name>
    <message>
        <location filename="../../desktop/ui/chain_check.py" line="+31"/>
        <source>Checking the case log…</source>
        <translation>Vérification du journal des dossiers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case log check</source>
        <translation>Vérification du journal des dossiers</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking the case log… %1 %</source>
        <translation>Vérification du journal des dossiers… %1 %</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The case log no longer verifies</source>
        <translation>Le journal des dossiers ne se vérifie plus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case log verified</source>
        <translation>Journal des dossiers vérifié</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The case log could not be checked; run amends doctor</source>
        <translation>Le journal des dossiers n&apos;a pas pu être vérifié ; lancez amends doctor</translation>
    </message>
</context>
</TS>
