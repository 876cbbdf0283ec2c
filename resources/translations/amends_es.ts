<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="+160"/>
        <source>Amends cannot open its case log</source>
        <translation>Amends no puede abrir su registro de casos</translation>
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
        <translation>Se necesita aprobación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 would be %3 of %4</source>
        <translation>%1: con %2 el total sería %3 de %4 permitidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2 is beyond %3&apos;s limits.</source>
        <translation>%1 — %2 supera los límites de %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+28"/>
        <source>Approver</source>
        <translation>Quien aprueba</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Approver&apos;s PIN</source>
        <translation>PIN de quien aprueba</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Why this is right for the guest</source>
        <translation>Por qué es lo adecuado para el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval message</source>
        <translation>Mensaje de aprobación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Nobody here may approve this gesture.</source>
        <translation>Nadie de este equipo puede aprobar este gesto.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The approver must give a reason.</source>
        <translation>Quien aprueba debe indicar un motivo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The approver types their PIN.</source>
        <translation>Quien aprueba escribe su PIN.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong PIN for the approver.</source>
        <translation>PIN incorrecto de quien aprueba.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again in %1 s.</source>
        <translation>Vuelva a intentarlo en %1 s.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="+78"/>
        <source>Guest</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room / table</source>
        <translation>Habitación / mesa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(no name yet)</source>
        <translation>(aún sin nombre)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>overdue %1</source>
        <translation>con retraso de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message>
        <location line="+11"/>
        <source>Search by guest name or room</source>
        <translation>Buscar por nombre del cliente o habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search guest or room…</source>
        <translation>Buscar cliente o habitación…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which cases to show</source>
        <translation>Qué casos mostrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Cerrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="+43"/>
        <source>Guest name</source>
        <translation>Nombre del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room or table</source>
        <translation>Habitación o mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Outlet</source>
        <translation>Punto de venta</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+30"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+4"/>
        <location filename="../../desktop/ui/case_panel.py" line="+109"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+28"/>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Still missing</source>
        <translation>Aún falta</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_panel.py" line="-39"/>
        <source>Time since the case opened</source>
        <translation>Tiempo desde que se abrió el caso</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="-9"/>
        <source>Room / table</source>
        <translation>Habitación / mesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_panel.py" line="+15"/>
        <source>What good looks like</source>
        <translation>Cómo hacerlo bien</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The guest&apos;s account</source>
        <translation>El relato del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the guest&apos;s own words…</source>
        <translation>Con las palabras del cliente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How you apologised</source>
        <translation>Cómo se disculpó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: what you said, how it was taken</source>
        <translation>Opcional: qué dijo y cómo lo recibió el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went wrong for the guest</source>
        <translation>Qué falló para el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went wrong, from the guest&apos;s side</source>
        <translation>Qué falló, desde el punto de vista del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A good outcome for the guest</source>
        <translation>Una buena solución para el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a good outcome is for them</source>
        <translation>Qué sería una buena solución para el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done to fix it</source>
        <translation>Qué se hizo para solucionarlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done to put it right</source>
        <translation>Qué se hizo para arreglarlo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow-up due</source>
        <translation>Seguimiento pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up note</source>
        <translation>Nota de seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How is it now, in the guest&apos;s words?</source>
        <translation>¿Cómo está ahora, según el cliente?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip: guest unreachable</source>
        <translation>Omitir: no se localiza al cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip follow-up</source>
        <translation>Omitir el seguimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root cause</source>
        <translation>Causa raíz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detail for the supervisor</source>
        <translation>Detalle para el supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When, where, which shift, what exactly — so trends show</source>
        <translation>Cuándo, dónde, qué turno, qué exactamente — para detectar tendencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete step</source>
        <translation>Completar el paso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Case closed</source>
        <translation>Caso cerrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heard it — next (Ctrl+Enter)</source>
        <translation>Escuchado — siguiente (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apologised — next (Ctrl+Enter)</source>
        <translation>Disculpas dadas — siguiente (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed — next (Ctrl+Enter)</source>
        <translation>Revisado — siguiente (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed — next (Ctrl+Enter)</source>
        <translation>Solucionado — siguiente (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Followed up — next (Ctrl+Enter)</source>
        <translation>Seguimiento hecho — siguiente (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close case (Ctrl+Enter)</source>
        <translation>Cerrar el caso (Ctrl+Intro)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="+63"/>
        <source>Still needed before closing: %1</source>
        <translation>Falta antes de cerrar: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_panel.py" line="+9"/>
        <source>Follow-up: after the fix.</source>
        <translation>Seguimiento: después de la solución.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up done.</source>
        <translation>Seguimiento hecho.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow-up due at %1 (in %2).</source>
        <translation>Seguimiento a las %1 (en %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up was due at %1 (overdue %2).</source>
        <translation>El seguimiento tocaba a las %1 (retraso de %2).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Case closed at %1. It is on record and can no longer be changed.</source>
        <translation>Caso cerrado a las %1. Queda registrado y ya no se puede modificar.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose a root cause before closing.</source>
        <translation>Elija una causa raíz antes de cerrar.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../desktop/ui/pin_entry.py" line="+116"/>
        <source>Change my PIN</source>
        <translation>Cambiar mi PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: type your PIN as it is now, then the new one twice.</source>
        <translation>%1: escriba su PIN actual y después el nuevo dos veces.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>PIN now</source>
        <translation>PIN actual</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>New PIN again</source>
        <translation>PIN nuevo otra vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change PIN message</source>
        <translation>Mensaje del cambio de PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change PIN</source>
        <translation>Cambiar el PIN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type your PIN as it is now.</source>
        <translation>Escriba su PIN actual.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Try again in %1 s.</source>
        <translation>Vuelva a intentarlo en %1 s.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../desktop/ui/diagnostics.py" line="+85"/>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same checks as “amends doctor”. Copy the report and send it to your IT contact: it holds no PINs, keys or guest details.</source>
        <translation>Las mismas comprobaciones que «amends doctor». Copie el informe y envíelo a su contacto de informática: no contiene PIN, claves ni datos de clientes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running the checks</source>
        <translation>Comprobaciones en curso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run again</source>
        <translation>Volver a comprobar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the checks again</source>
        <translation>Repetir las comprobaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy report</source>
        <translation>Copiar informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the report to the clipboard</source>
        <translation>Copiar el informe al portapapeles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>OK</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Running the checks…</source>
        <translation>Haciendo las comprobaciones…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The checks could not run: %1</source>
        <translation>No se pudieron hacer las comprobaciones: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n check(s) failed.</source>
        <translation>
            <numerusform>%n comprobación ha fallado.</numerusform>
            <numerusform>%n comprobaciones han fallado.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No check failed; %n warning(s).</source>
        <translation>
            <numerusform>Ninguna comprobación ha fallado; %n aviso.</numerusform>
            <numerusform>Ninguna comprobación ha fallado; %n avisos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every check passed.</source>
        <translation>Todas las comprobaciones son correctas.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The report is on the clipboard.</source>
        <translation>El informe está en el portapapeles.</translation>
    </message>
</context>
<context>
    <name>FollowupBanner</name>
    <message>
        <location filename="../../desktop/ui/followup_banner.py" line="+23"/>
        <source>Follow-up due</source>
        <translation>Seguimiento pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open case</source>
        <translation>&amp;Abrir el caso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Open the case with the follow-up due</source>
        <translation>Abrir el caso con el seguimiento pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss the notice</source>
        <translation>Descartar el aviso</translation>
    </message>
</context>
<context>
    <name>GesturePanel</name>
    <message>
        <location filename="../../desktop/ui/gesture.py" line="+71"/>
        <source>Suggested gestures: Enter grants</source>
        <translation>Gestos sugeridos: Intro concede</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gesture type</source>
        <translation>Tipo de gesto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the gesture is</source>
        <translation>En qué consiste el gesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. desserts for the table on the house</source>
        <translation>p. ej., postres para la mesa por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Value</source>
        <translation>Importe</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Problem with the value</source>
        <translation>Problema con el importe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget left</source>
        <translation>Presupuesto disponible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget decision</source>
        <translation>Decisión de presupuesto</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+160"/>
        <location line="+10"/>
        <source>Grant</source>
        <translation>Conceder</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Grant gesture</source>
        <translation>Conceder el gesto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gestures granted</source>
        <translation>Gestos concedidos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrong charge corrected</source>
        <translation>Cargo erróneo corregido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong charge corrected (not a gesture)</source>
        <translation>Cargo erróneo corregido (no es un gesto)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount corrected</source>
        <translation>Importe corregido</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Record correction</source>
        <translation>Registrar la corrección</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suggested</source>
        <translation>Sugeridos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gesture</source>
        <translation>Gesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Correction</source>
        <translation>Corrección</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>You may still grant without approval: %1 this shift · %2 to this guest this stay · %3 in this case</source>
        <translation>Aún puede conceder sin aprobación: %1 en este turno · %2 a este cliente en esta estancia · %3 en este caso</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (approved)</source>
        <translation> (aprobado)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Correction: %1 %2</source>
        <translation>Corrección: %1 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Apology and the fix; no gesture</source>
        <translation>Disculpa y solución; sin gesto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A gesture needs a value; choose &quot;No gesture&quot; for none.</source>
        <translation>Un gesto necesita un importe; elija «Sin gesto» si no hay ninguno.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Within your limits: Enter grants it.</source>
        <translation>Dentro de sus límites: Intro lo concede.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>over the %1 by %2</source>
        <translation>supera el %1 en %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs approval: %1.</source>
        <translation>Necesita aprobación: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for approval…</source>
        <translation>Pedir aprobación…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Say what was corrected and by how much.</source>
        <translation>Indique qué se corrigió y por qué importe.</translation>
    </message>
</context>
<context>
    <name>GrantsModel</name>
    <message>
        <location filename="../../desktop/ui/review_parts.py" line="+59"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Guest</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gesture</source>
        <translation>Gesto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Importe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Granted by</source>
        <translation>Concedido por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>Aprobado por</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>GuestLanguageBox</name>
    <message>
        <location filename="../../desktop/ui/guest_language.py" line="+20"/>
        <source>Guest&apos;s language (slips)</source>
        <translation>Idioma del cliente (documentos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The apology letter and vouchers print in this language.</source>
        <translation>La carta de disculpa y los vales se imprimen en este idioma.</translation>
    </message>
</context>
<context>
    <name>HandedToUsDialog</name>
    <message>
        <location filename="../../desktop/ui/handoff_ui.py" line="+115"/>
        <location line="+1"/>
        <source>Handed to me/us</source>
        <translation>Traspasados a mí/nosotros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you did, or what is still to do</source>
        <translation>Qué ha hecho o qué queda por hacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Mark done</source>
        <translation>Marcar como resuelto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note to the case</source>
        <translation>Añadir una nota al caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open case</source>
        <translation>Abrir el caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, %2: for %3 since %4, from %5. %6</source>
        <translation>%1, %2: para %3 desde las %4, de %5. %6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a guest</source>
        <translation>un cliente</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing is handed to you or a department.</source>
        <translation>No hay nada traspasado a usted ni a ningún departamento.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Marked done. The case&apos;s owner follows up with the guest.</source>
        <translation>Marcado como resuelto. El responsable del caso hará el seguimiento con el cliente.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Note added to the case.</source>
        <translation>Nota añadida al caso.</translation>
    </message>
</context>
<context>
    <name>HandoffControls</name>
    <message>
        <location filename="../../desktop/ui/handoff_controls.py" line="+36"/>
        <location line="+1"/>
        <source>Handed to me/us</source>
        <translation>Traspasados a mí/nosotros</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand &amp;off this case…</source>
        <translation>Tras&amp;pasar este caso…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand-off de&amp;partments…</source>
        <translation>&amp;Departamentos de traspaso…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Handed to me/us (%1)</source>
        <translation>Traspasados a mí/nosotros (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a case (or finish its first step) to hand it off.</source>
        <translation>Abra un caso (o termine su primer paso) para traspasarlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handed off. The follow-up is still yours.</source>
        <translation>Traspasado. El seguimiento sigue siendo suyo.</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+9"/>
        <source>Hand-off departments</source>
        <translation>Departamentos de traspaso</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The departments a case can be handed to, one per line:</source>
        <translation>Los departamentos a los que se puede traspasar un caso, uno por línea:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hand-off departments: %1</source>
        <translation>Departamentos de traspaso: %1</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <location filename="../../desktop/ui/handoff_ui.py" line="-125"/>
        <source>Hand off the case</source>
        <translation>Traspasar el caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Hand to</source>
        <translation>Traspasar a</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Note for them</source>
        <translation>Nota para el destinatario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they should do, and for whom</source>
        <translation>Qué debe hacer y para quién</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The follow-up with the guest stays yours: you will be reminded to check back.</source>
        <translation>El seguimiento con el cliente sigue siendo suyo: se le recordará que vuelva a comprobarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand off</source>
        <translation>Traspasar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>Handoffs</name>
    <message>
        <location line="-41"/>
        <source>Housekeeping</source>
        <translation>Pisos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kitchen</source>
        <translation>Cocina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty manager</source>
        <translation>Gerente de guardia</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Follow-up due: you handed %1 to %2, but the guest is still yours. Check back with them now.</source>
        <translation>Seguimiento pendiente: traspasó el caso de %1 a %2, pero el cliente sigue siendo suyo. Vuelva a hablar con él ahora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a guest</source>
        <translation>un cliente</translation>
    </message>
</context>
<context>
    <name>HandoffsReview</name>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>Hand-offs</source>
        <translation>Traspasos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handed to</source>
        <translation>Traspasado a</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to done</source>
        <translation>Tiempo de resolución</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not done yet</source>
        <translation>aún sin resolver</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>%1 min</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 hand-offs, %2 done; typical time to done: %3.</source>
        <translation>%1 traspasos, %2 resueltos; tiempo habitual de resolución: %3.</translation>
    </message>
</context>
<context>
    <name>HeadOfficeDialog</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="+236"/>
        <source>Head office</source>
        <translation>Central</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head office address</source>
        <translation>Dirección de la central</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolment code</source>
        <translation>Código de registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of this desk</source>
        <translation>Nombre de este puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment result</source>
        <translation>Resultado del registro</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This desk is enrolled with %1. Enrol again only with a new code from head office.</source>
        <translation>Este puesto está registrado en %1. Vuelva a registrarlo solo con un código nuevo de la central.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk name:</source>
        <translation>Nombre del puesto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrol</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type head office&apos;s address and the code.</source>
        <translation>Escriba la dirección de la central y el código.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacting head office…</source>
        <translation>Contactando con la central…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not enrolled: %1</source>
        <translation>No registrado: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enrolled as a desk of %1. This desk now syncs in the background.</source>
        <translation>Registrado como puesto de %1. Este puesto ya se sincroniza en segundo plano.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="+28"/>
        <source>Listen</source>
        <translation>Escuchar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apologise</source>
        <translation>Disculparse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix and make good</source>
        <translation>Solucionar y compensar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow up</source>
        <translation>Hacer seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Documentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Let the guest tell it their way, without interrupting. Note it in their words, not yours.</source>
        <translation>Deje que el cliente lo cuente a su manera, sin interrumpir. Anótelo con sus palabras, no con las suyas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say sorry sincerely and personally, for how it felt to them. No excuses, no blaming colleagues.</source>
        <translation>Pida perdón de forma sincera y personal por cómo lo vivió el cliente. Sin excusas y sin culpar a compañeros.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check with the guest what went wrong from their side, and ask what a good outcome would be for them.</source>
        <translation>Compruebe con el cliente qué falló desde su punto de vista y pregúntele qué sería para él una buena solución.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put it right now, then add something extra that fits what they told you.</source>
        <translation>Soluciónelo ahora y añada un detalle que encaje con lo que le ha contado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go back to the guest (in person or by phone) within 20 minutes of the fix and check it really is right.</source>
        <translation>Vuelva a hablar con el cliente (en persona o por teléfono) en los 20 minutos siguientes a la solución y compruebe que de verdad está resuelto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the root cause and the detail a supervisor needs to spot a trend: when, where, which shift, what exactly.</source>
        <translation>Registre la causa raíz y el detalle que un supervisor necesita para detectar una tendencia: cuándo, dónde, qué turno, qué exactamente.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>guest name</source>
        <translation>nombre del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>room or table</source>
        <translation>habitación o mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outlet</source>
        <translation>punto de venta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>severity</source>
        <translation>gravedad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>root cause</source>
        <translation>causa raíz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>site name</source>
        <translation>nombre del establecimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hotel or restaurant</source>
        <translation>hotel o restaurante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>currency</source>
        <translation>moneda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time zone</source>
        <translation>zona horaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language and region</source>
        <translation>idioma y región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outlets</source>
        <translation>puntos de venta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manager&apos;s name</source>
        <translation>nombre del gerente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manager&apos;s PIN</source>
        <translation>PIN del gerente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Food &amp; beverage service</source>
        <translation>Servicio de alimentos y bebidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food quality</source>
        <translation>Calidad de la comida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait time</source>
        <translation>Tiempo de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housekeeping</source>
        <translation>Limpieza de habitaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room condition</source>
        <translation>Estado de la habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservation</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff conduct</source>
        <translation>Trato del personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordering error</source>
        <translation>Error en el pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recovered</source>
        <translation>No recuperado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comp</source>
        <translation>Invitación de la casa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voucher</source>
        <translation>Vale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade</source>
        <translation>Mejora de categoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amenity</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit</source>
        <translation>Crédito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No gesture</source>
        <translation>Sin gesto</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Agent</source>
        <translation>Recepcionista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per-case limit</source>
        <translation>límite por caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per-shift limit</source>
        <translation>límite por turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per-guest-stay limit</source>
        <translation>límite por cliente y estancia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This currency has no smaller unit: type a whole amount.</source>
        <translation>Esta moneda no tiene fracciones: escriba un importe entero.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>At most %n decimal place(s) in this currency.</source>
        <translation>
            <numerusform>Como máximo %n decimal en esta moneda.</numerusform>
            <numerusform>Como máximo %n decimales en esta moneda.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type an amount.</source>
        <translation>Escriba un importe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is not an amount: use digits only, like 25.00.</source>
        <translation>Eso no es un importe: use solo cifras, como 25,00.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An amount cannot be negative.</source>
        <translation>Un importe no puede ser negativo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That amount is too large.</source>
        <translation>Ese importe es demasiado alto.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This person&apos;s role may not approve gestures.</source>
        <translation>El puesto de esta persona no le permite aprobar gestos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody may approve their own gesture.</source>
        <translation>Nadie puede aprobar su propio gesto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is beyond what this approver may authorise; ask someone with higher limits.</source>
        <translation>Esto supera lo que esta persona puede autorizar; pídaselo a alguien con límites más altos.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Something unexpected went wrong. The details are in the log file.</source>
        <translation>Algo inesperado ha fallado. Los detalles están en el archivo de registro.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This approval is not allowed.</source>
        <translation>Esta aprobación no está permitida.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This PIN is too short.</source>
        <translation>Este PIN es demasiado corto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN is too long.</source>
        <translation>Este PIN es demasiado largo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This desk has no site yet: set it up first.</source>
        <translation>Este puesto aún no tiene establecimiento: configúrelo primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk already has a site.</source>
        <translation>Este puesto ya tiene un establecimiento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some set-up details are missing or wrong: %1</source>
        <translation>Faltan datos de configuración o son incorrectos: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the person&apos;s name.</source>
        <translation>Escriba el nombre de la persona.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A role is agent, supervisor or manager.</source>
        <translation>Un rol es recepcionista, supervisor o gerente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This person is not on this desk&apos;s staff list.</source>
        <translation>Esta persona no está en la lista de personal de este puesto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone on the staff list already has this name. Add something to tell them apart (an initial, the outlet).</source>
        <translation>Ya hay alguien en la lista de personal con este nombre. Añada algo para distinguirlos (una inicial, el punto de venta).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two people on the staff list have this name. A manager deactivates one of them, or the one at the other desk is named by their id.</source>
        <translation>Hay dos personas en la lista de personal con este nombre. Un gerente debe desactivar a una de ellas, o la del otro puesto se identifica por su id.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an active manager can change the staff list.</source>
        <translation>Solo un gerente activo puede cambiar la lista de personal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the last active manager. Make someone else a manager first.</source>
        <translation>Este es el último gerente activo. Nombre gerente a otra persona primero.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You cannot change your own role or deactivate yourself. Ask another manager.</source>
        <translation>No puede cambiar su propio rol ni desactivarse a sí mismo. Pídaselo a otro gerente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person has been deactivated and can no longer sign in.</source>
        <translation>Esta persona se ha desactivado y ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN is too short: at least %1 digits.</source>
        <translation>Este PIN es demasiado corto: como mínimo %1 cifras.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PIN is too long: at most %1 digits.</source>
        <translation>Este PIN es demasiado largo: como máximo %1 cifras.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is made of digits only.</source>
        <translation>Un PIN solo lleva cifras.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PIN is too easy to guess (like 0000 or 1234). Choose another.</source>
        <translation>Este PIN es demasiado fácil de adivinar (como 0000 o 1234). Elija otro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs are not the same. Type the new PIN twice.</source>
        <translation>Los dos PIN no coinciden. Escriba el PIN nuevo dos veces.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your PIN was reset. Choose a new PIN to sign in.</source>
        <translation>Su PIN se ha restablecido. Elija un PIN nuevo para iniciar sesión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PIN was not reset. Sign in with it, or change it with the old one.</source>
        <translation>Este PIN no se ha restablecido. Inicie sesión con él, o cámbielo con el anterior.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The old PIN is not right.</source>
        <translation>El PIN anterior no es correcto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a supervisor or a manager can do this.</source>
        <translation>Solo un supervisor o un gerente puede hacer esto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This case is not on this desk.</source>
        <translation>Este caso no está en este puesto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These details cannot be stored as typed: %1</source>
        <translation>Estos datos no se pueden guardar tal como se escribieron: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not a step of the recovery.</source>
        <translation>Ese no es un paso de la recuperación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose how the case ended: recovered, not recovered or unknown.</source>
        <translation>Elija cómo terminó el caso: recuperado, no recuperado o desconocido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still needed before closing: %1</source>
        <translation>Falta antes de cerrar: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the note first.</source>
        <translation>Escriba primero la nota.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That text is too long to store (%1 characters).</source>
        <translation>Ese texto es demasiado largo para guardarlo (%1 caracteres).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk did not record that: what it was about to write failed its own check, a fault in this version of Amends. Nothing was written. Tell IT; the details are in the log file.</source>
        <translation>Este puesto no lo ha registrado: lo que iba a escribir no superó su propia comprobación, un fallo de esta versión de Amends. No se ha escrito nada. Avise a informática; los detalles están en el archivo de registro.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That text has a broken character that cannot be stored (often from a paste). Type it again.</source>
        <translation>Ese texto tiene un carácter dañado que no se puede guardar (suele pasar al pegar). Vuelva a escribirlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No voucher with this code is known here.</source>
        <translation>Aquí no se conoce ningún vale con este código.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That code is mistyped: check it and type it again.</source>
        <translation>Ese código está mal escrito: revíselo y vuelva a escribirlo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This voucher has already been used.</source>
        <translation>Este vale ya se ha usado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher has already been voided.</source>
        <translation>Este vale ya se ha anulado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher belongs to another case.</source>
        <translation>Este vale pertenece a otro caso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gesture&apos;s description is too long for a voucher: shorten it.</source>
        <translation>La descripción del gesto es demasiado larga para un vale: acórtela.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a reason for voiding the voucher.</source>
        <translation>Indique un motivo para anular el vale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no such slip.</source>
        <translation>No existe ese documento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter has no text. Write it, or go back to the standard wording.</source>
        <translation>La carta no tiene texto. Escríbala o vuelva a la redacción estándar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a receipt printer address: type tcp://HOST:PORT (a network printer, port 9100 if left out) or usb://VENDOR:PRODUCT.</source>
        <translation>«%1» no es una dirección de impresora de tickets: escriba tcp://HOST:PUERTO (impresora de red; puerto 9100 si se omite) o usb://FABRICANTE:PRODUCTO.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt printer %1 did not take the slip: check that it is on, connected and has paper.</source>
        <translation>La impresora de tickets %1 no ha aceptado el documento: compruebe que está encendida, conectada y con papel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand the case to a colleague or to one of the site&apos;s departments.</source>
        <translation>Traspase el caso a un compañero o a uno de los departamentos del establecimiento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case is already yours: hand it to someone else.</source>
        <translation>El caso ya es suyo: traspáselo a otra persona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This hand-off is not on this desk.</source>
        <translation>Este traspaso no está en este puesto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This hand-off is already done.</source>
        <translation>Este traspaso ya está resuelto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk&apos;s keychain cannot be used, so no voucher can be signed. Ask IT to run Help → Diagnostics.</source>
        <translation>No se puede usar el llavero de este puesto, así que no se puede firmar ningún vale. Pida a informática que ejecute Ayuda → Diagnóstico.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such setting.</source>
        <translation>No existe ese ajuste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That value cannot be stored for this setting.</source>
        <translation>Ese valor no se puede guardar para este ajuste.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/store_labels.py" line="+24"/>
        <source>The case log %1 is not an Amends database (it may be damaged). Amends has not changed it. Restore it from a backup, or move it aside to start a new, empty log.</source>
        <translation>El registro de casos %1 no es una base de datos de Amends (puede estar dañado). Amends no lo ha modificado. Restáurelo desde una copia de seguridad, o apártelo para empezar un registro nuevo y vacío.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case log %1 is damaged. Amends has not changed it. Run &apos;amends doctor&apos; for details and restore the file from a backup.</source>
        <translation>El registro de casos %1 está dañado. Amends no lo ha modificado. Ejecute «amends doctor» para ver los detalles y restaure el archivo desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 was written by a newer version of Amends. Install that version or newer; this one will not change the file.</source>
        <translation>El registro de casos %1 lo escribió una versión más reciente de Amends. Instale esa versión o una posterior; esta no modificará el archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 cannot be read. Amends has not changed it. Restore it from a backup, or move it aside to start a new, empty log.</source>
        <translation>No se puede leer el registro de casos %1. Amends no lo ha modificado. Restáurelo desde una copia de seguridad, o apártelo para empezar un registro nuevo y vacío.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data folder %1 cannot be created. Choose another with --data-dir or AMENDS_HOME.</source>
        <translation>No se puede crear la carpeta de datos %1. Elija otra con --data-dir o AMENDS_HOME.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case log %1 no longer verifies: an event was changed after it was written. Amends will not use or change it. Run &apos;amends doctor&apos;, and restore the file from a backup or ask head office to restore this desk.</source>
        <translation>El registro de casos %1 ya no se verifica: un evento se modificó después de escribirse. Amends no lo usará ni lo modificará. Ejecute «amends doctor» y restaure el archivo desde una copia de seguridad o pida a la central que restaure este puesto.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/labels.py" line="+13"/>
        <source>%n event(s) from other desks could not be used by this version of Amends and are kept apart; everything else is shown and syncing goes on. Update Amends on this desk; Help → Diagnostics says more.</source>
        <translation>
            <numerusform>%n evento de otros puestos no se ha podido usar con esta versión de Amends y se guarda aparte; todo lo demás se muestra y la sincronización continúa. Actualice Amends en este puesto; Ayuda → Diagnóstico da más detalles.</numerusform>
            <numerusform>%n eventos de otros puestos no se han podido usar con esta versión de Amends y se guardan aparte; todo lo demás se muestra y la sincronización continúa. Actualice Amends en este puesto; Ayuda → Diagnóstico da más detalles.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Head office cannot be reached. Nothing is lost: this desk&apos;s cases wait here and go when it can.</source>
        <translation>No se puede contactar con la central. No se pierde nada: los casos de este puesto esperan aquí y se enviarán cuando se pueda.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office is unavailable just now; this desk will try again.</source>
        <translation>La central no está disponible en este momento; este puesto lo volverá a intentar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up this desk (site, currency, manager) before enrolling it.</source>
        <translation>Configure este puesto (establecimiento, moneda, gerente) antes de registrarlo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not a head-office address: it starts with https://</source>
        <translation>Esa no es una dirección de la central: empieza por https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head office did not take this code: it may be mistyped, used or expired. Ask head office for a new code.</source>
        <translation>La central no aceptó este código: puede estar mal escrito, usado o caducado. Pida un código nuevo a la central.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused this desk: it does not match the site the code is for (its currency, or another site). Ask head office.</source>
        <translation>La central rechazó este puesto: no corresponde al establecimiento del código (su moneda, u otro establecimiento). Consulte a la central.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office already knows this desk and needs proof that it is this desk, but its key is gone from this computer. Ask head office for a re-enrolment code for this desk and enter that code.</source>
        <translation>La central ya conoce este puesto y necesita una prueba de que es él, pero su clave ya no está en este ordenador. Pida a la central un código de nuevo registro para este puesto e introdúzcalo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Head office has had too many attempts from this network. Wait a few minutes, then try again.</source>
        <translation>La central ha recibido demasiados intentos desde esta red. Espere unos minutos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk is not enrolled with head office. Enrol it with a code from head office.</source>
        <translation>Este puesto no está registrado en la central. Regístrelo con un código de la central.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office no longer accepts this desk (it was revoked, or enrolled again elsewhere). Enrol it again with a new code.</source>
        <translation>La central ya no acepta este puesto (se revocó, o se registró de nuevo en otro lugar). Vuelva a registrarlo con un código nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk&apos;s keychain cannot keep the head-office token. Ask IT to run Help → Diagnostics.</source>
        <translation>El llavero de este puesto no puede guardar el token de la central. Pida a informática que ejecute Ayuda → Diagnóstico.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office accepted this desk, but the desk could not note it. Try again with a new code.</source>
        <translation>La central aceptó este puesto, pero el puesto no pudo anotarlo. Vuelva a intentarlo con un código nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused this desk&apos;s events. They are kept here; ask head office to look at this desk.</source>
        <translation>La central rechazó los eventos de este puesto. Se conservan aquí; pida a la central que revise este puesto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office refused an event of this desk that the other desks could not use (a fault in this version of Amends). This desk&apos;s cases are kept here, and nothing after that event is sent until it is sorted out. Ask IT to update Amends on this desk and to tell head office.</source>
        <translation>La central rechazó un evento de este puesto que los demás puestos no podían usar (un fallo de esta versión de Amends). Los casos de este puesto se conservan aquí y no se envía nada posterior a ese evento hasta que se resuelva. Pida a informática que actualice Amends en este puesto y que avise a la central.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Head office refused to send what this desk asked for. Ask head office to look at this desk.</source>
        <translation>La central se negó a enviar lo que pidió este puesto. Pida a la central que revise este puesto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office&apos;s answer could not be understood. Check the address, or ask IT.</source>
        <translation>No se pudo entender la respuesta de la central. Compruebe la dirección o consulte a informática.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office sent other desks&apos; events that do not verify; they were not taken. Ask head office to check this site.</source>
        <translation>La central envió eventos de otros puestos que no se verifican; no se aceptaron. Pida a la central que revise este establecimiento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office&apos;s budget policy cannot be used by this desk. Ask head office to check it.</source>
        <translation>Este puesto no puede usar la política de presupuesto de la central. Pida a la central que la revise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This desk could not store what head office sent. Run Help → Diagnostics.</source>
        <translation>Este puesto no pudo guardar lo que envió la central. Ejecute Ayuda → Diagnóstico.</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>This case is already closed.</source>
        <translation>Este caso ya está cerrado.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a kind of gesture.</source>
        <translation>Elija un tipo de gesto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong PIN for the approver.</source>
        <translation>PIN incorrecto de quien aprueba.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The approver must give a reason.</source>
        <translation>Quien aprueba debe indicar un motivo.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>That value cannot be granted.</source>
        <translation>Ese importe no se puede conceder.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Only a manager can change this.</source>
        <translation>Solo un gerente puede cambiar esto.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un PIN tiene de 4 a 8 cifras.</translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message>
        <location filename="../../desktop/ui/letter_ui.py" line="+38"/>
        <source>About the apology letter</source>
        <translation>Sobre la carta de disculpa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apology letter</source>
        <translation>Carta de disculpa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit wording</source>
        <translation>&amp;Editar redacción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the letter&apos;s wording for this guest</source>
        <translation>Cambiar la redacción de la carta para este cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard wording</source>
        <translation>Redacción estándar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the standard wording</source>
        <translation>Volver a la redacción estándar</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Printed: a reprint is this same letter.</source>
        <translation>Impresa: una reimpresión es esta misma carta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The apology letter, in %1, as it will print.</source>
        <translation>La carta de disculpa, en %1, tal como se imprimirá.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your wording for this guest: it prints as you leave it. A blank line starts a new paragraph.</source>
        <translation>Su redacción para este cliente: se imprime tal como la deje. Una línea en blanco empieza un párrafo nuevo.</translation>
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
        <translation>Pulse Ctrl+N (o «Nuevo caso») cuando un cliente tenga un problema.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>New case</source>
        <translation>Nuevo caso</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Signed in as</source>
        <translation>Sesión iniciada como</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_header.py" line="-50"/>
        <source>Budget left</source>
        <translation>Presupuesto restante</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+5"/>
        <location filename="../../desktop/ui/main_window.py" line="+1"/>
        <source>Budget left this shift</source>
        <translation>Presupuesto disponible en este turno</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 left this shift</source>
        <translation>Quedan %1 de %2 en este turno</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+1"/>
        <location line="+1"/>
        <source>End shift</source>
        <translation>Terminar turno</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New case</source>
        <translation>&amp;Nuevo caso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Vouchers…</source>
        <translation>&amp;Vales…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Review…</source>
        <translation>&amp;Revisión…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;End shift</source>
        <translation>&amp;Terminar turno</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings</source>
        <translation>&amp;Ajustes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget &amp;policy…</source>
        <translation>&amp;Política de presupuesto…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;rinters…</source>
        <translation>&amp;Impresoras…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Head office…</source>
        <translation>&amp;Central…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnóstico…</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>You may still grant %1 this shift without approval.</source>
        <translation>Aún puede conceder %1 en este turno sin aprobación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For %1 this stay: %2.</source>
        <translation>Para %1 en esta estancia: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this guest</source>
        <translation>este cliente</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>a guest</source>
        <translation>un cliente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up due now: %1%2.</source>
        <translation>Toca el seguimiento ahora: %1%2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up due</source>
        <translation>Seguimiento pendiente</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/desk_toolbar.py" line="+33"/>
        <source>Desk</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>More actions</source>
        <translation>Más acciones</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../desktop/ui/pin_entry.py" line="-84"/>
        <source>Digit %1</source>
        <translation>Cifra %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear the PIN field</source>
        <translation>Borrar el campo del PIN</translation>
    </message>
</context>
<context>
    <name>Playbook</name>
    <message>
        <location filename="../../tools/playbook_strings_generated.py" line="+8"/>
        <source>Voucher for a coffee or a drink</source>
        <translation>Vale para un café o una bebida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and the fix; no gesture needed</source>
        <translation>Disculpa y solución; no hace falta gesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A drink on the house</source>
        <translation>Una bebida por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drinks or dessert on the house</source>
        <translation>Bebidas o postre por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher for the café or bar</source>
        <translation>Vale para la cafetería o el bar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The affected item or meal comped</source>
        <translation>Invitación al artículo o la comida afectados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and beverage credit</source>
        <translation>Crédito para comida y bebida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole bill or night comped</source>
        <translation>Invitación a toda la cuenta o la noche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund of what the guest paid for the failed service</source>
        <translation>Reembolso de lo que pagó el cliente por el servicio fallido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and the order put right at once</source>
        <translation>Disculpa y el pedido corregido al momento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coffee or a soft drink on the house</source>
        <translation>Café o refresco por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desserts for the table on the house</source>
        <translation>Postres para la mesa por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A round of drinks on the house</source>
        <translation>Una ronda por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meal comped</source>
        <translation>Invitación a la comida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry cleaning or replacement paid, and a credit</source>
        <translation>Tintorería o reposición pagadas, y un crédito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dish replaced straight away, with an apology</source>
        <translation>Plato sustituido al momento, con una disculpa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dish taken off the bill</source>
        <translation>El plato descontado de la cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dessert on the house</source>
        <translation>Postre por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole table&apos;s meal comped</source>
        <translation>Invitación a la comida de toda la mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desserts or drinks for the table on the house</source>
        <translation>Postres o bebidas para la mesa por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and an honest explanation of the delay</source>
        <translation>Disculpa y una explicación sincera del retraso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mains for the table taken off the bill</source>
        <translation>Los principales de la mesa descontados de la cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room put right at once; supervisor checks it</source>
        <translation>Habitación arreglada al momento; la revisa un supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade to a better room and a welcome drink</source>
        <translation>Cambio a una habitación mejor y una bebida de bienvenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome drink in the lounge while the room is readied</source>
        <translation>Bebida de bienvenida en el salón mientras se prepara la habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One night&apos;s room rate credited</source>
        <translation>Abono del precio de una noche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed at once and tested with the guest</source>
        <translation>Arreglado al momento y comprobado con el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late checkout and breakfast in the room</source>
        <translation>Salida tardía y desayuno en la habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breakfast for two</source>
        <translation>Desayuno para dos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to a better room type for the rest of the stay</source>
        <translation>Cambio a una habitación de categoría superior para el resto de la estancia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineering fixes it now; follow up when done</source>
        <translation>Mantenimiento lo arregla ya; seguimiento al terminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spa or café voucher for the next visit</source>
        <translation>Vale de spa o cafetería para la próxima visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and beverage credit for the party</source>
        <translation>Crédito de comida y bebida para el grupo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to a room that works, a category up</source>
        <translation>Cambio a una habitación en buen estado, de categoría superior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong charge corrected (a correction, not a gesture)</source>
        <translation>Cargo erróneo corregido (una corrección, no un gesto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge corrected and the cause checked</source>
        <translation>Cargo corregido y causa revisada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A drink at the bar with our apologies</source>
        <translation>Una bebida en el bar con nuestras disculpas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Champagne and a dessert for the occasion</source>
        <translation>Cava y un postre para la ocasión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best available table or room</source>
        <translation>La mejor mesa o habitación disponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First course or first night on the house</source>
        <translation>Primer plato o primera noche por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Night at a partner hotel paid, with transport both ways</source>
        <translation>Noche pagada en un hotel asociado, con transporte de ida y vuelta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal apology from the duty manager</source>
        <translation>Disculpa personal del director de guardia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evening drinks on the house</source>
        <translation>Copas de la noche por cuenta de la casa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order corrected before anything is charged</source>
        <translation>Pedido corregido antes de cobrar nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit toward the next order</source>
        <translation>Crédito para el próximo pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late checkout</source>
        <translation>Salida tardía</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="+41"/>
        <source>Budget policy</source>
        <translation>Política de presupuesto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follow-up after minutes</source>
        <translation>Seguimiento tras minutos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voucher valid for days</source>
        <translation>Validez del vale en días</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Price factor of suggested gestures</source>
        <translation>Factor de precio de los gestos sugeridos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many %1 match one reference unit (about a US dollar) in suggested gestures; empty: the shipped factor.</source>
        <translation>Cuántos %1 equivalen a una unidad de referencia (aprox. un dólar estadounidense) en los gestos sugeridos; vacío: el factor de fábrica.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print voucher and apology as soon as a voucher is granted</source>
        <translation>Imprimir el vale y la carta de disculpa en cuanto se conceda un vale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print on grant</source>
        <translation>Imprimir al conceder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow up after (minutes)</source>
        <translation>Seguimiento tras (minutos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vouchers valid (days)</source>
        <translation>Validez de los vales (días)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the desk after (idle minutes)</source>
        <translation>Bloquear el puesto tras (minutos de inactividad)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price factor (%1)</source>
        <translation>Factor de precio (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy message</source>
        <translation>Mensaje de la política</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as new version</source>
        <translation>Guardar como nueva versión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save policy</source>
        <translation>Guardar la política</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Policy version %1. Amounts in %2.</source>
        <translation>Versión %1 de la política. Importes en %2.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The price factor is a number above 0, such as 0.4 or 150.</source>
        <translation>El factor de precio es un número mayor que 0, como 0,4 o 150.</translation>
    </message>
</context>
<context>
    <name>PrintersDialog</name>
    <message>
        <location filename="../../desktop/ui/slips_ui.py" line="+330"/>
        <source>Printers</source>
        <translation>Impresoras</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>80 mm receipt roll</source>
        <translation>Rollo de tiques de 80 mm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher slips</source>
        <translation>Tiques de vales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology slips</source>
        <translation>Cartas de disculpa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer</source>
        <translation>impresora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default printer</source>
        <translation>Impresora predeterminada del sistema</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (not connected)</source>
        <translation>%1 (no conectada)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paper</source>
        <translation>papel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save printers</source>
        <translation>Guardar las impresoras</translation>
    </message>
</context>
<context>
    <name>ReceiptAddress</name>
    <message>
        <location filename="../../desktop/ui/receipt_printers.py" line="+24"/>
        <source>Receipt printer address</source>
        <translation>Dirección de la impresora de tickets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcp://192.168.1.50:9100 or usb://04b8:0e15</source>
        <translation>tcp://192.168.1.50:9100 o usb://04b8:0e15</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt printer (ESC/POS, no driver)…</source>
        <translation>Impresora de tickets (ESC/POS, sin controlador)…</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/review_screen.py" line="+70"/>
        <source>Review</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From … to …</source>
        <translation>Del … al …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the review as PDF</source>
        <translation>Exportar la revisión como PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the review as CSV</source>
        <translation>Exportar la revisión como CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review message</source>
        <translation>Mensaje de la revisión</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Spend by person</source>
        <translation>Gasto por persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spend by gesture type, category and outlet</source>
        <translation>Gasto por tipo de gesto, categoría y punto de venta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gestures granted</source>
        <translation>Gestos concedidos</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+25"/>
        <source>Approvals</source>
        <translation>Aprobaciones</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Follow-ups and open cases</source>
        <translation>Seguimientos y casos abiertos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Worth a look</source>
        <translation>Para revisar</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Cases behind it</source>
        <translation>Casos relacionados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by number of cases</source>
        <translation>Categorías por número de casos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by spend</source>
        <translation>Categorías por gasto</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+232"/>
        <source>Spend over time</source>
        <translation>Gasto a lo largo del tiempo</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>When failures happen</source>
        <translation>Cuándo ocurren los fallos</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+121"/>
        <location line="+11"/>
        <source>Gestures</source>
        <translation>Gestos</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-offs</source>
        <translation>Traspasos</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Trends</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The last day is before the first.</source>
        <translation>El último día es anterior al primero.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The review could not be made: %1</source>
        <translation>No se ha podido hacer la revisión: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Spend %1 of a budget of %2 (the shift allowances worked). %3 gestures, %4 cases, %5 still open. Recovery rate: %6.</source>
        <translation>Gasto de %1 sobre un presupuesto de %2 (las asignaciones de los turnos trabajados). %3 gestos, %4 casos, %5 aún abiertos. Tasa de recuperación: %6.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_cards.py" line="+41"/>
        <location filename="../../desktop/ui/review_screen.py" line="+0"/>
        <location line="+13"/>
        <source>Spend</source>
        <translation>Gasto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the budget spent</source>
        <translation>Parte del presupuesto gastada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovery rate</source>
        <translation>Tasa de recuperación</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 gestures in %2 cases</source>
        <translation>%1 gestos en %2 casos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 % spent (of the shift allowances worked)</source>
        <translation>%1 % gastado (de las asignaciones de los turnos trabajados)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cases still open</source>
        <translation>%1 casos aún abiertos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_screen.py" line="-12"/>
        <source>Shifts</source>
        <translation>Turnos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-shift limit</source>
        <translation>Límite por turno</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gesture</source>
        <translation>Gesto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outlet</source>
        <translation>Punto de venta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Importe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approver</source>
        <translation>Quien aprueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by</source>
        <translation>Solicitado por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>given</source>
        <translation>concedida</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>declined</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>late</source>
        <translation>tarde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed</source>
        <translation>no hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing stands out in this period.</source>
        <translation>Nada destaca en este periodo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One guest, gestures in several cases this stay</source>
        <translation>Un mismo cliente, gestos en varios casos en esta estancia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At or near the shift limit, shift after shift</source>
        <translation>En el límite del turno o cerca, turno tras turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many approvals asked for</source>
        <translation>Muchas aprobaciones solicitadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher expired unused</source>
        <translation>Vale caducado sin usar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher redeemed twice</source>
        <translation>Vale canjeado dos veces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases closed without a follow-up</source>
        <translation>Casos cerrados sin seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A limit passed once two desks synced</source>
        <translation>Límite superado al sincronizarse dos puestos</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Categories by cases with gestures, most first</source>
        <translation>Categorías por casos con gestos, de más a menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories by spend, largest first</source>
        <translation>Categorías por gasto, de mayor a menor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend (%1)</source>
        <translation>Gasto (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spend per day</source>
        <translation>Gasto por día</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show a period first.</source>
        <translation>Muestre primero un periodo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export review</source>
        <translation>Exportar la revisión</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not save: %1</source>
        <translation>No se ha podido guardar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as %1.</source>
        <translation>Guardado como %1.</translation>
    </message>
</context>
<context>
    <name>RosterTable</name>
    <message>
        <location filename="../../desktop/ui/staff_table.py" line="+29"/>
        <source>Staff list</source>
        <translation>Lista de personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active, must set a new PIN</source>
        <translation>Activo, debe elegir un PIN nuevo</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/ui/setup.py" line="+59"/>
        <source>Welcome to Amends</source>
        <translation>Bienvenido a Amends</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up this desk for your property, or try the demo site first to see how a recovery case runs.</source>
        <translation>Configure este puesto para su establecimiento, o pruebe antes el sitio de demostración para ver cómo se lleva un caso.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+28"/>
        <source>Site name</source>
        <translation>Nombre del establecimiento</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Kind of site</source>
        <translation>Tipo de establecimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hotel</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restaurant</source>
        <translation>Restaurante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Currency (ISO code)</source>
        <translation>Moneda (código ISO)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Language and number format</source>
        <translation>Idioma y formato de números</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First manager&apos;s name</source>
        <translation>Nombre del primer gerente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN</source>
        <translation>PIN del gerente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN again</source>
        <translation>PIN del gerente otra vez</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale</source>
        <translation>Idioma y región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 cifras)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN again</source>
        <translation>PIN otra vez</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Create site</source>
        <translation>Crear el establecimiento</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Try the demo site</source>
        <translation>Probar el sitio de demostración</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Give the site a name.</source>
        <translation>Dé un nombre al establecimiento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose hotel or restaurant.</source>
        <translation>Elija hotel o restaurante.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a currency code: use three letters such as USD, EUR, JPY.</source>
        <translation>No es un código de moneda: use tres letras, como EUR, USD, MXN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a time zone from the list, such as Europe/Paris.</source>
        <translation>Elija una zona horaria de la lista, como Europe/Madrid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a locale: use a name such as en_US or fr_FR.</source>
        <translation>No es una configuración regional: use un nombre como es_ES o es_MX.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the first manager&apos;s name.</source>
        <translation>Escriba el nombre del primer gerente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is 4 to 8 digits, and not an easy one like 0000 or 1234.</source>
        <translation>Un PIN tiene de 4 a 8 cifras y no debe ser fácil, como 0000 o 1234.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs differ.</source>
        <translation>Los dos PIN no coinciden.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../desktop/ui/signin.py" line="+71"/>
        <source>Who is at the desk?</source>
        <translation>¿Quién está en el mostrador?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap your name, or type its first letters.</source>
        <translation>Toque su nombre o escriba sus primeras letras.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+167"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Sign-in message</source>
        <translation>Mensaje de inicio de sesión</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pin_pad.py" line="+30"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear PIN</source>
        <translation>Borrar el PIN</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <location filename="../../desktop/ui/signin.py" line="+166"/>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Digit %1</source>
        <translation>Cifra %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/signin.py" line="-93"/>
        <source>Demo site. PINs: %1</source>
        <translation>Sitio de demostración. PIN: %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New PIN again</source>
        <translation>PIN nuevo otra vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set PIN and sign in</source>
        <translation>Guardar el PIN y entrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the new PIN again.</source>
        <translation>Vuelva a escribir el PIN nuevo.</translation>
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
        <translation>Abriendo el registro de casos…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/signin.py" line="-52"/>
        <source>Pick your name first.</source>
        <translation>Elija primero su nombre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your new PIN.</source>
        <translation>Escriba su PIN nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type your PIN.</source>
        <translation>Escriba su PIN.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>That person can no longer sign in here.</source>
        <translation>Esa persona ya no puede entrar en este puesto.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong PIN. Try again.</source>
        <translation>PIN incorrecto. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>You can try your PIN again.</source>
        <translation>Ya puede volver a probar su PIN.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>PIN incorrecto. Vuelva a intentarlo en %1 s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Demasiados PIN incorrectos. Vuelva a intentarlo en %1 s.</translation>
    </message>
</context>
<context>
    <name>SlipBar</name>
    <message>
        <location filename="../../desktop/ui/slips_ui.py" line="-280"/>
        <source>Print the voucher</source>
        <translation>Imprimir el vale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the apology</source>
        <translation>Imprimir la carta de disculpa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which slip</source>
        <translation>Qué documento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print with the print dialog</source>
        <translation>Imprimir con el diálogo de impresión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the slip as PDF</source>
        <translation>Guardar el documento como PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code</source>
        <translation>Código del vale</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing message</source>
        <translation>Mensaje de impresión</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Voucher %1</source>
        <translation>Vale %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apology letter</source>
        <translation>Carta de disculpa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voucher code: %1</source>
        <translation>Código del vale: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Making the slip…</source>
        <translation>Preparando el documento…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No printer is set up for this slip, or it is not connected.</source>
        <translation>No hay ninguna impresora configurada para este documento, o no está conectada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer did not take the slip.</source>
        <translation>La impresora no ha aceptado el documento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>The slip is saved as %1.</source>
        <translation>El documento se ha guardado como %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sent to the printer. A copy is kept as %1.</source>
        <translation>Enviado a la impresora. Se guarda una copia como %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the receipt printer. A copy is kept as %1.</source>
        <translation>Enviado a la impresora de tickets. Se guarda una copia como %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the printer (job %2). A copy is kept as %1.</source>
        <translation>Enviado a la impresora (trabajo %2). Se guarda una copia como %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>Vale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apology</source>
        <translation>Carta de disculpa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Save slip as PDF</source>
        <translation>Guardar el documento como PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Could not save there (%1). The slip is kept as %2.</source>
        <translation>No se ha podido guardar ahí (%1). El documento se conserva como %2.</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>&amp;Print voucher and apology (Ctrl+P)</source>
        <translation>&amp;Imprimir vale y carta de disculpa (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the voucher and the apology</source>
        <translation>Imprimir el vale y la carta de disculpa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print &amp;voucher</source>
        <translation>Imprimir &amp;vale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print &amp;apology</source>
        <translation>Imprimir &amp;carta de disculpa</translation>
    </message>
    <message>
        <location line="+221"/>
        <source>Saved as %1.</source>
        <translation>Guardado como %1.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desktop/ui/staff.py" line="+51"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add someone…</source>
        <translation>Añadir a alguien…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add someone to the staff</source>
        <translation>Añadir a alguien al personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role…</source>
        <translation>Cambiar el rol…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the chosen person&apos;s role</source>
        <translation>Cambiar el rol de la persona elegida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate…</source>
        <translation>Desactivar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate the chosen person</source>
        <translation>Desactivar a la persona elegida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN…</source>
        <translation>Restablecer el PIN…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the chosen person&apos;s PIN</source>
        <translation>Restablecer el PIN de la persona elegida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose a person, then what to do. Deactivated people stay on the list: their name stays in the history.</source>
        <translation>Elija una persona y después qué hacer. Las personas desactivadas siguen en la lista: su nombre se conserva en el historial.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was done</source>
        <translation>Qué se ha hecho</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New person&apos;s name</source>
        <translation>Nombre de la nueva persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New person&apos;s role</source>
        <translation>Rol de la nueva persona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New person&apos;s PIN</source>
        <translation>PIN de la nueva persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New person&apos;s PIN again</source>
        <translation>PIN de la nueva persona otra vez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN again</source>
        <translation>PIN otra vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new person types their PIN, twice.</source>
        <translation>La nueva persona escribe su PIN dos veces.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add this person</source>
        <translation>Añadir a esta persona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add someone</source>
        <translation>Añadir a alguien</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New role</source>
        <translation>Nuevo rol</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save role</source>
        <translation>Guardar el rol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the new role</source>
        <translation>Guardar el nuevo rol</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What is wrong</source>
        <translation>Qué falla</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Added %1 as %2.</source>
        <translation>Se ha añadido a %1 como %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New role for %1:</source>
        <translation>Nuevo rol de %1:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is now %2.</source>
        <translation>%1 ahora es %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deactivate %1? They will never be able to sign in again. Their name stays in the history of their cases.</source>
        <translation>¿Desactivar a %1? No podrá volver a iniciar sesión. Su nombre se conserva en el historial de sus casos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is deactivated and can no longer sign in.</source>
        <translation>%1 está desactivado y ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reset %1&apos;s PIN? Their PIN stops working now; they choose a new one at their next sign-in.</source>
        <translation>¿Restablecer el PIN de %1? Su PIN deja de funcionar ahora; elegirá uno nuevo la próxima vez que inicie sesión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset PIN</source>
        <translation>Restablecer el PIN</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 chooses a new PIN at their next sign-in.</source>
        <translation>%1 elegirá un PIN nuevo la próxima vez que inicie sesión.</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <location filename="../../desktop/ui/staff_menu.py" line="+25"/>
        <source>&amp;Staff…</source>
        <translation>Pe&amp;rsonal…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change &amp;my PIN…</source>
        <translation>Cambiar &amp;mi PIN…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your PIN is changed.</source>
        <translation>Su PIN se ha cambiado.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="-129"/>
        <source>Head office</source>
        <translation>Central</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync state</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events waiting</source>
        <translation>Eventos pendientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synced</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem</source>
        <translation>Último problema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events held back</source>
        <translation>Eventos retenidos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be sent:</source>
        <translation>Pendiente de envío:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synced:</source>
        <translation>Última sincronización:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem:</source>
        <translation>Último problema:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held back:</source>
        <translation>Retenidos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Enrol this desk in Settings → Head office…</source>
        <translation>Registre este puesto en Ajustes → Central…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <location line="+1"/>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <location line="-145"/>
        <source>Head office sync</source>
        <translation>Sincronización con la central</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%1 — %n event(s) held back</source>
        <translation>
            <numerusform>%1 — %n evento retenido</numerusform>
            <numerusform>%1 — %n eventos retenidos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click for details</source>
        <translation>Haga clic para ver los detalles</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not connected to head office</source>
        <translation>Sin conexión con la central</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Offline — %n event(s) waiting</source>
        <translation>
            <numerusform>Sin conexión — %n evento pendiente</numerusform>
            <numerusform>Sin conexión — %n eventos pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sync problem — %n event(s) waiting</source>
        <translation>
            <numerusform>Problema de sincronización — %n evento pendiente</numerusform>
            <numerusform>Problema de sincronización — %n eventos pendientes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Synced just now</source>
        <translation>Sincronizado ahora mismo</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>Sincronizado hace %n min</numerusform>
            <numerusform>Sincronizado hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Synced %n h ago</source>
        <translation>
            <numerusform>Sincronizado hace %n h</numerusform>
            <numerusform>Sincronizado hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Synced %n days ago</source>
        <translation>
            <numerusform>Sincronizado hace %n día</numerusform>
            <numerusform>Sincronizado hace %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vouchers</name>
    <message>
        <location filename="../../desktop/ui/vouchers.py" line="+38"/>
        <source>Valid: %1 — %2 for %3, until %4.</source>
        <translation>Válido: %1 — %2 para %3, hasta el %4.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeemed: %1 — %2 for %3.</source>
        <translation>Canjeado: %1 — %2 para %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>at this desk</source>
        <translation>en este puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at another desk</source>
        <translation>en otro puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already redeemed on %1 %2 by %3. It cannot be used twice.</source>
        <translation>Ya se canjeó el %1 %2, por %3. No se puede usar dos veces.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No voucher with this code was issued here.</source>
        <translation>Aquí no se ha emitido ningún vale con este código.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This voucher has expired.</source>
        <translation>Este vale ha caducado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher was voided.</source>
        <translation>Este vale se anuló.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This voucher does not verify: it may be forged. Keep the slip and call a supervisor.</source>
        <translation>Este vale no supera la verificación: podría estar falsificado. Quédese con el tique y llame a un supervisor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is not a voucher code: check each character and type it again.</source>
        <translation>Eso no es un código de vale: revise cada carácter y vuelva a escribirlo.</translation>
    </message>
</context>
<context>
    <name>VouchersDialog</name>
    <message>
        <location line="+17"/>
        <source>Vouchers</source>
        <translation>Vales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code or scanned QR</source>
        <translation>Código del vale o QR escaneado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the code or scan the QR</source>
        <translation>Escriba el código o escanee el QR</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check voucher</source>
        <translation>Comprobar el vale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redeem voucher</source>
        <translation>Canjear el vale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason to void</source>
        <translation>Motivo de la anulación</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Check</source>
        <translation>Com&amp;probar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redeem</source>
        <translation>&amp;Canjear</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>V&amp;oid</source>
        <translation>&amp;Anular</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void voucher</source>
        <translation>Anular el vale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher check result</source>
        <translation>Resultado de la comprobación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why it is voided, for the log</source>
        <translation>Por qué se anula, para el registro</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason to &amp;void</source>
        <translation>&amp;Motivo de la anulación</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Voided.</source>
        <translation>Anulado.</translation>
    </message>
</context>
<context>
    <name>WholeChainCheck</name>
    <message>
        <location filename="../../desktop/ui/chain_check.py" line="+31"/>
        <source>Checking the case log…</source>
        <translation>Comprobando el registro de casos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case log check</source>
        <translation>Comprobación del registro de casos</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking the case log… %1 %</source>
        <translation>Comprobando el registro de casos… %1 %</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The case log no longer verifies</source>
        <translation>El registro de casos ya no se verifica</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case log verified</source>
        <translation>Registro de casos verificado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The case log could not be checked; run amends doctor</source>
        <translation>No se ha podido comprobar el registro de casos; ejecute amends doctor</translation>
    </message>
</context>
</TS>
