// Labels in Swedish (default) and English. Elements carry data-i18n="key" (text) or data-i18n-label="key"
// (aria-label); scripts use t(key). The choice is kept in localStorage.

const texts = {
  sv: {
    'skip': 'Till innehållet', 'language': 'English', 'signout': 'Logga ut', 'wallboard': 'Väggtavla', 'console': 'Konsol',
    'agent.title': 'Handläggare', 'status': 'Status', 'state': 'Läge',
    'AGENT_STATE_UNSPECIFIED': 'Okänt', 'AGENT_STATE_SIGNED_OUT': 'Utloggad', 'AGENT_STATE_READY': 'Redo',
    'AGENT_STATE_RESERVED': 'Erbjudande', 'AGENT_STATE_ON_CALL': 'I samtal', 'AGENT_STATE_WRAP_UP': 'Efterarbete',
    'AGENT_STATE_PAUSED': 'Paus',
    'PAUSE_REASON_UNSPECIFIED': '', 'PAUSE_REASON_LUNCH': 'Lunch', 'PAUSE_REASON_MEETING': 'Möte',
    'PAUSE_REASON_TRAINING': 'Utbildning', 'PAUSE_REASON_MISSED': 'Missade erbjudanden', 'PAUSE_REASON_OTHER': 'Annat',
    'queues': 'Svarsgrupper', 'languages': 'Språk', 'phone': 'Din telefon (SIP-adress)', 'level': 'Kompetensnivå (0–10)',
    'signin.queue': 'Logga in i kö', 'ready': 'Redo', 'pause': 'Paus', 'pause.reason': 'Orsak till paus',
    'signout.queue': 'Logga ut från kö', 'sv': 'Svenska', 'en': 'Engelska',
    'offer': 'Erbjudande', 'offer.queue': 'Svarsgrupp', 'offer.wait': 'Väntat', 'offer.language': 'Språk',
    'offer.kind': 'Typ', 'OFFER_KIND_CALL': 'Samtal', 'OFFER_KIND_CALLBACK': 'Återuppringning', 'OFFER_KIND_UNSPECIFIED': '',
    'offer.left': 'Tid kvar', 'accept': 'Svara', 'reject': 'Avböj', 'offer.new': 'Nytt erbjudande från',
    'call': 'Samtal', 'hangup': 'Lägg på', 'transfer': 'Koppla vidare', 'transfer.to': 'Koppla till',
    'transfer.queue': 'Annan svarsgrupp', 'transfer.number': 'Handläggare (nummer eller SIP-adress)',
    'transfer.returnQueue': 'Tillbaka till kön om ingen svarar (annars till mig)', 'transfer.go': 'Koppla',
    'transfer.started': 'Kopplar…',
    'answered': 'besvarat', 'not_answered_returned_to_agent': 'inte besvarat – tillbaka till dig',
    'not_answered_returned_to_queue': 'inte besvarat – tillbaka till kön', 'transfer.result': 'Vidarekoppling',
    'wrapup': 'Efterarbete', 'wrapup.time': 'Tid i efterarbete', 'outcome': 'Utfall', 'note': 'Anteckning (valfri)',
    'OUTCOME_RESOLVED': 'Löst vid första kontakt', 'OUTCOME_FORWARDED': 'Vidarekopplat',
    'OUTCOME_CALLBACK_NEEDED': 'Behöver ringas upp', 'OUTCOME_OTHER': 'Annat', 'complete': 'Klar',
    'queue.counts': 'Köer just nu', 'waiting': 'Väntande', 'longest': 'Längsta väntan', 'agents.ready': 'Redo',
    'agents.signedIn': 'Inloggade',
    'callbacks': 'Återuppringningar', 'refresh': 'Uppdatera', 'callback.requested': 'Begärd', 'callback.state': 'Läge',
    'callback.attempts': 'Försök', 'claim': 'Ta', 'cancel': 'Avbryt', 'callback.complete': 'Avsluta med',
    'callbacks.none': 'Inga öppna återuppringningar.', 'number': 'Nummer', 'queue': 'Svarsgrupp', 'actions': 'Åtgärder',
    'CALLBACK_STATE_PENDING': 'Väntar', 'CALLBACK_STATE_DIALLING': 'Ringer', 'CALLBACK_STATE_RETRY_WAITING': 'Nytt försök senare',
    'CALLBACK_STATE_CLOSED': 'Stängd', 'CALLBACK_STATE_UNSPECIFIED': '',
    'CALLBACK_OUTCOME_ANSWERED': 'Svarade', 'CALLBACK_OUTCOME_NO_ANSWER': 'Inget svar', 'CALLBACK_OUTCOME_BUSY': 'Upptaget',
    'CALLBACK_OUTCOME_FAILED': 'Misslyckades', 'CALLBACK_OUTCOME_COMPLETED': 'Klar',
    'stats': 'Mina siffror i dag', 'stats.offers': 'Erbjudanden', 'stats.accepted': 'Besvarade erbjudanden',
    'stats.rejected': 'Avböjda', 'stats.missed': 'Missade', 'stats.answered': 'Samtal', 'stats.talk': 'Samtalstid',
    'stats.outcomes': 'Utfall',
    'notify.enable': 'Visa erbjudanden som skrivbordsaviseringar', 'notify.on': 'Skrivbordsaviseringar är på.',
    'notify.denied': 'Skrivbordsaviseringar är blockerade i webbläsaren.', 'notify.unsupported': 'Webbläsaren har inga skrivbordsaviseringar.',
    'error': 'Fel', 'saved': 'Sparat', 'live': 'Live', 'offline': 'Frånkopplad – försöker igen',
    'supervisor.title': 'Supervisor', 'tab.crisis': 'Krismeddelande', 'tab.hours': 'Öppettider', 'tab.dialplan': 'Röstmeny',
    'tab.callbacks': 'Återuppringningar', 'tab.reports': 'Rapporter', 'tab.agents': 'Handläggare',
    'crisis.enabled': 'Krismeddelandet är på', 'crisis.disabled': 'Krismeddelandet är av', 'crisis.prompt': 'Meddelande (prompt)',
    'crisis.closed': 'Stäng linjen efter meddelandet', 'crisis.on': 'Slå på krismeddelande', 'crisis.off': 'Slå av krismeddelande',
    'crisis.confirm': 'Bekräfta', 'crisis.cancel': 'Ångra', 'crisis.sure.on': 'Alla som ringer hör krismeddelandet. Slå på?',
    'crisis.sure.off': 'Slå av krismeddelandet?', 'audit': 'Senaste ändring', 'comment': 'Kommentar',
    'hours.weeks': 'Kommande veckor', 'hours.open': 'Öppet', 'hours.closed': 'Stängt', 'hours.exception': 'Undantag',
    'hours.date': 'Datum', 'hours.from': 'Från', 'hours.to': 'Till', 'hours.reason': 'Orsak', 'hours.add': 'Lägg till undantag',
    'hours.preview': 'Förhandsgranska', 'hours.save': 'Spara', 'hours.remove': 'Ta bort', 'hours.closedDay': 'Stängt hela dagen', 'hours.fromDate': 'Första dag', 'hours.dayBefore': 'dag före helgdag',
    'hours.changed': 'Ändrade dagar är markerade. Inget är sparat ännu.', 'hours.override': 'Tillfällig åsidosättning',
    'dialplan.live': 'Publicerad version', 'dialplan.editor': 'Redigera', 'dialplan.validate': 'Kontrollera',
    'dialplan.publish': 'Publicera', 'dialplan.rollback': 'Återställ till', 'dialplan.history': 'Historik',
    'dialplan.diff': 'Skillnad mot publicerad version', 'dialplan.valid': 'Inga fel', 'dialplan.simulate': 'Provkör',
    'dialplan.at': 'Tidpunkt', 'dialplan.digits': 'Knappval',
    'directory': 'Katalog', 'phone.user': 'Telefonkonto', 'skills': 'Kompetens (kö=nivå)', 'save': 'Spara',
    'disable': 'Inaktivera', 'disabled': 'inaktiverad', 'directory.new': 'Ny handläggare', 'directory.edit': 'Ändra',
    'directory.id': 'Id (samma som i API-token)', 'directory.name': 'Namn', 'directory.password': 'Telefonens lösenord',
    'directory.passwordHelp': '8–128 tecken; lämna tomt för att behålla det sparade (ett nytt telefonkonto behöver ett nytt lösenord).',
    'directory.languages': 'Språk (t.ex. sv, en)', 'directory.enabled': 'Aktiv',
    'agents.force': 'Ändra läge', 'queues.line': 'Hela linjen', 'queues.all': 'Alla',
    'tab.audit': 'Ändringslogg', 'audit.latest': 'Senaste ändringar enligt ändringsloggen', 'audit.filter': 'Visa',
    'audit.when': 'När', 'audit.who': 'Vem', 'audit.what': 'Vad', 'audit.details': 'Ändring', 'audit.more': 'Äldre',
    'audit.emergency.set': 'Krismeddelande', 'audit.hours.update': 'Öppettider ändrade', 'audit.hours.clear': 'Öppettider återställda',
    'audit.dialplan.publish': 'Röstmeny publicerad', 'audit.dialplan.rollback': 'Röstmeny återställd',
    'audit.agent.create': 'Handläggare tillagd', 'audit.agent.update': 'Handläggare ändrad', 'audit.agent.disable': 'Handläggare inaktiverad',
    'audit.agent.force': 'Läge ändrat', 'audit.callback.cancel': 'Återuppringning avbruten', 'audit.callback.list': 'Återuppringningar visade',
    'dryrun.title': 'Provkör: vad hör den som ringer?', 'dryrun.source': 'Röstmeny', 'dryrun.live': 'Den som gäller nu',
    'dryrun.draft': 'Utkastet i redigeraren', 'dryrun.help': 'Knapparna 0–9, * och #, i den ordning den som ringer trycker.',
    'dryrun.open': 'öppet', 'dryrun.closed': 'stängt', 'dryrun.outcome': 'Samtalet hamnar i',
    'dryrun.outcome.queue': 'kön', 'dryrun.outcome.transfer': 'vidarekoppling till', 'dryrun.outcome.callback': 'återuppringning',
    'dryrun.outcome.hangup': 'avslut (luren läggs på)',
    'reports.from': 'Från', 'reports.to': 'Till', 'reports.by': 'Per', 'reports.show': 'Visa', 'reports.csv': 'Ladda ner CSV', 'reports.waited': 'väntat', 'reports.distribution': 'Väntetidsfördelning (besvarade och tappade samtal)', 'reports.calls': 'samtal', 'reports.table': 'Rapporttabell',
  },
  en: {
    'skip': 'Skip to content', 'language': 'Svenska', 'signout': 'Sign out', 'wallboard': 'Wallboard', 'console': 'Console',
    'agent.title': 'Agent', 'status': 'Status', 'state': 'State',
    'AGENT_STATE_UNSPECIFIED': 'Unknown', 'AGENT_STATE_SIGNED_OUT': 'Signed out', 'AGENT_STATE_READY': 'Ready',
    'AGENT_STATE_RESERVED': 'Offer', 'AGENT_STATE_ON_CALL': 'On a call', 'AGENT_STATE_WRAP_UP': 'Wrap-up',
    'AGENT_STATE_PAUSED': 'Paused',
    'PAUSE_REASON_UNSPECIFIED': '', 'PAUSE_REASON_LUNCH': 'Lunch', 'PAUSE_REASON_MEETING': 'Meeting',
    'PAUSE_REASON_TRAINING': 'Training', 'PAUSE_REASON_MISSED': 'Missed offers', 'PAUSE_REASON_OTHER': 'Other',
    'queues': 'Queues', 'languages': 'Languages', 'phone': 'Your phone (SIP address)', 'level': 'Skill level (0-10)',
    'signin.queue': 'Sign in to queues', 'ready': 'Ready', 'pause': 'Pause', 'pause.reason': 'Pause reason',
    'signout.queue': 'Sign out of queues', 'sv': 'Swedish', 'en': 'English',
    'offer': 'Offer', 'offer.queue': 'Queue', 'offer.wait': 'Waited', 'offer.language': 'Language',
    'offer.kind': 'Kind', 'OFFER_KIND_CALL': 'Call', 'OFFER_KIND_CALLBACK': 'Callback', 'OFFER_KIND_UNSPECIFIED': '',
    'offer.left': 'Time left', 'accept': 'Accept', 'reject': 'Reject', 'offer.new': 'New offer from',
    'call': 'Call', 'hangup': 'Hang up', 'transfer': 'Transfer', 'transfer.to': 'Transfer to',
    'transfer.queue': 'Another queue', 'transfer.number': 'A handläggare (number or SIP address)',
    'transfer.returnQueue': 'Back to the queue if nobody answers (else back to me)', 'transfer.go': 'Transfer',
    'transfer.started': 'Transferring…',
    'answered': 'answered', 'not_answered_returned_to_agent': 'not answered – back to you',
    'not_answered_returned_to_queue': 'not answered – back to the queue', 'transfer.result': 'Transfer',
    'wrapup': 'Wrap-up', 'wrapup.time': 'Time in wrap-up', 'outcome': 'Outcome', 'note': 'Note (optional)',
    'OUTCOME_RESOLVED': 'Resolved at first contact', 'OUTCOME_FORWARDED': 'Transferred',
    'OUTCOME_CALLBACK_NEEDED': 'Callback needed', 'OUTCOME_OTHER': 'Other', 'complete': 'Done',
    'queue.counts': 'Queues now', 'waiting': 'Waiting', 'longest': 'Longest wait', 'agents.ready': 'Ready',
    'agents.signedIn': 'Signed in',
    'callbacks': 'Callbacks', 'refresh': 'Refresh', 'callback.requested': 'Requested', 'callback.state': 'State',
    'callback.attempts': 'Attempts', 'claim': 'Claim', 'cancel': 'Cancel', 'callback.complete': 'Complete as',
    'callbacks.none': 'No open callbacks.', 'number': 'Number', 'queue': 'Queue', 'actions': 'Actions',
    'CALLBACK_STATE_PENDING': 'Waiting', 'CALLBACK_STATE_DIALLING': 'Dialling', 'CALLBACK_STATE_RETRY_WAITING': 'Retry later',
    'CALLBACK_STATE_CLOSED': 'Closed', 'CALLBACK_STATE_UNSPECIFIED': '',
    'CALLBACK_OUTCOME_ANSWERED': 'Answered', 'CALLBACK_OUTCOME_NO_ANSWER': 'No answer', 'CALLBACK_OUTCOME_BUSY': 'Busy',
    'CALLBACK_OUTCOME_FAILED': 'Failed', 'CALLBACK_OUTCOME_COMPLETED': 'Completed',
    'stats': 'My figures today', 'stats.offers': 'Offers', 'stats.accepted': 'Accepted', 'stats.rejected': 'Rejected',
    'stats.missed': 'Missed', 'stats.answered': 'Calls', 'stats.talk': 'Talk time', 'stats.outcomes': 'Outcomes',
    'notify.enable': 'Show offers as desktop notifications', 'notify.on': 'Desktop notifications are on.',
    'notify.denied': 'Desktop notifications are blocked in the browser.', 'notify.unsupported': 'This browser has no desktop notifications.',
    'error': 'Error', 'saved': 'Saved', 'live': 'Live', 'offline': 'Disconnected – retrying',
    'supervisor.title': 'Supervisor', 'tab.crisis': 'Crisis message', 'tab.hours': 'Opening hours', 'tab.dialplan': 'Menu (dialplan)',
    'tab.callbacks': 'Callbacks', 'tab.reports': 'Reports', 'tab.agents': 'Agents',
    'crisis.enabled': 'The crisis message is on', 'crisis.disabled': 'The crisis message is off', 'crisis.prompt': 'Message (prompt)',
    'crisis.closed': 'Close the line after the message', 'crisis.on': 'Switch the crisis message on', 'crisis.off': 'Switch the crisis message off',
    'crisis.confirm': 'Confirm', 'crisis.cancel': 'Cancel', 'crisis.sure.on': 'Every caller will hear the crisis message. Switch it on?',
    'crisis.sure.off': 'Switch the crisis message off?', 'audit': 'Last change', 'comment': 'Comment',
    'hours.weeks': 'Coming weeks', 'hours.open': 'Open', 'hours.closed': 'Closed', 'hours.exception': 'Exception',
    'hours.date': 'Date', 'hours.from': 'From', 'hours.to': 'To', 'hours.reason': 'Reason', 'hours.add': 'Add exception',
    'hours.preview': 'Preview', 'hours.save': 'Save', 'hours.remove': 'Remove', 'hours.closedDay': 'Closed all day', 'hours.fromDate': 'First day', 'hours.dayBefore': 'day before a holiday',
    'hours.changed': 'Changed days are marked. Nothing is saved yet.', 'hours.override': 'Temporary override',
    'dialplan.live': 'Published version', 'dialplan.editor': 'Edit', 'dialplan.validate': 'Check',
    'dialplan.publish': 'Publish', 'dialplan.rollback': 'Roll back to', 'dialplan.history': 'History',
    'dialplan.diff': 'Difference from the published version', 'dialplan.valid': 'No errors', 'dialplan.simulate': 'Dry run',
    'dialplan.at': 'Time', 'dialplan.digits': 'Digits',
    'directory': 'Directory', 'phone.user': 'Phone account', 'skills': 'Skills (queue=level)', 'save': 'Save',
    'disable': 'Disable', 'disabled': 'disabled', 'directory.new': 'New agent', 'directory.edit': 'Edit',
    'directory.id': 'Id (as in the API token)', 'directory.name': 'Name', 'directory.password': 'Phone password',
    'directory.passwordHelp': '8-128 characters; leave empty to keep the stored one (a new phone account needs a new password).',
    'directory.languages': 'Languages (e.g. sv, en)', 'directory.enabled': 'Enabled',
    'agents.force': 'Force state', 'queues.line': 'The whole line', 'queues.all': 'All',
    'tab.audit': 'Audit trail', 'audit.latest': 'Latest changes in the audit trail', 'audit.filter': 'Show',
    'audit.when': 'When', 'audit.who': 'Who', 'audit.what': 'What', 'audit.details': 'Change', 'audit.more': 'Older',
    'audit.emergency.set': 'Crisis message', 'audit.hours.update': 'Opening hours changed', 'audit.hours.clear': 'Opening hours reset',
    'audit.dialplan.publish': 'Menu published', 'audit.dialplan.rollback': 'Menu rolled back',
    'audit.agent.create': 'Agent added', 'audit.agent.update': 'Agent changed', 'audit.agent.disable': 'Agent disabled',
    'audit.agent.force': 'State forced', 'audit.callback.cancel': 'Callback cancelled', 'audit.callback.list': 'Callbacks listed',
    'dryrun.title': 'Dry run: what does a caller hear?', 'dryrun.source': 'Menu', 'dryrun.live': 'The one in force',
    'dryrun.draft': 'The draft in the editor', 'dryrun.help': 'Keys 0-9, * and #, in the order the caller presses them.',
    'dryrun.open': 'open', 'dryrun.closed': 'closed', 'dryrun.outcome': 'The call ends up in',
    'dryrun.outcome.queue': 'queue', 'dryrun.outcome.transfer': 'a transfer to', 'dryrun.outcome.callback': 'a callback',
    'dryrun.outcome.hangup': 'hang-up',
    'reports.from': 'From', 'reports.to': 'To', 'reports.by': 'By', 'reports.show': 'Show', 'reports.csv': 'Download CSV', 'reports.waited': 'waited', 'reports.distribution': 'Wait-time distribution (answered and abandoned calls)', 'reports.calls': 'calls', 'reports.table': 'Report table',
  },
};

let language = localStorage.getItem('sb-language') === 'en' ? 'en' : 'sv';

/** The current language code. */
export function currentLanguage() {
  return language;
}

/** The label of `key` in the current language (the key itself when there is none). */
export function t(key) {
  return texts[language][key] ?? texts.sv[key] ?? key;
}

/** Applies the labels to `root` (data-i18n: text, data-i18n-label: aria-label). */
export function applyLabels(root = document) {
  document.documentElement.lang = language;
  for (const element of root.querySelectorAll('[data-i18n]')) { element.textContent = t(element.dataset.i18n); }
  for (const element of root.querySelectorAll('[data-i18n-label]')) { element.setAttribute('aria-label', t(element.dataset.i18nLabel)); }
}

/** Switches between Swedish and English and calls `after` to redraw what scripts wrote. */
export function toggleLanguage(after) {
  language = language === 'sv' ? 'en' : 'sv';
  localStorage.setItem('sb-language', language);
  applyLabels();
  after?.();
}

/** Formats seconds as m:ss (or h:mm:ss). */
export function clock(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
