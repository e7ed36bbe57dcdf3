/**
 * The control page at /__sim/: one "terminal screen" per virtual terminal with the buttons a
 * trainer needs (approve, decline with a code, cancel, pending, pull the cable, plug back in,
 * manual mode), the fault switches and the transaction log. Plain HTML + a small script that
 * polls /__sim/state and posts to the control API; no build step, no dependencies.
 */
export function controlPageHtml(): string {
  return PAGE;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Checkstand gateway simulator</title>
<style>
  :root { color-scheme: light; --ink:#1d2433; --muted:#5b6577; --line:#d7dce5; --bg:#f3f5f9; --ok:#137a3a; --bad:#b3261e; --warn:#8a5a00; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.4 system-ui, sans-serif; color:var(--ink); background:var(--bg); }
  header { padding:12px 20px; background:#1d2433; color:#fff; display:flex; gap:16px; align-items:baseline; flex-wrap:wrap; }
  header h1 { font-size:18px; margin:0; }
  header .meta { color:#c7cfdd; font-size:13px; }
  main { padding:16px 20px; }
  h2 { font-size:15px; margin:18px 0 8px; }
  .terminals { display:grid; grid-template-columns:repeat(auto-fill, minmax(300px, 1fr)); gap:14px; }
  .terminal { background:#fff; border:1px solid var(--line); border-radius:14px; padding:12px; }
  .terminal h3 { margin:0; font-size:15px; display:flex; justify-content:space-between; gap:8px; }
  .ids { color:var(--muted); font-size:12px; margin:2px 0 8px; word-break:break-all; }
  .status { font-size:12px; padding:1px 8px; border-radius:10px; background:#e6e9ef; }
  .status.online { background:#dff3e6; color:var(--ok); } .status.reconnecting { background:#fff1d6; color:var(--warn); } .status.offline { background:#f9dedc; color:var(--bad); }
  .screen { background:#0f1a12; color:#8ff0a4; font:15px/1.35 ui-monospace, monospace; border-radius:8px; padding:12px; min-height:86px; margin-bottom:10px; border:6px solid #2b2f36; }
  .screen.offline { color:#7b8794; background:#16191d; } .screen.declined, .screen.voided { color:#ff9d95; } .screen.waiting { color:#ffe27a; }
  .screen .amount { font-size:20px; font-weight:600; }
  .buttons { display:flex; flex-wrap:wrap; gap:6px; }
  button, select { font:inherit; border-radius:8px; border:1px solid var(--line); background:#fff; padding:5px 10px; cursor:pointer; }
  button.approve { background:var(--ok); color:#fff; border-color:var(--ok); } button.decline { background:var(--bad); color:#fff; border-color:var(--bad); }
  button:disabled { opacity:.4; cursor:not-allowed; }
  .buttons + .buttons { margin-top:6px; }
  button:focus-visible, select:focus-visible { outline:3px solid #4d90fe; outline-offset:1px; }
  label.manual { display:flex; gap:6px; align-items:center; margin-top:8px; color:var(--muted); font-size:13px; }
  .faults { display:flex; flex-wrap:wrap; gap:6px; align-items:center; background:#fff; border:1px solid var(--line); border-radius:12px; padding:10px; }
  table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); border-radius:12px; overflow:hidden; font-size:13px; }
  th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); } th { background:#eef1f6; }
  td.COMPLETED { color:var(--ok); font-weight:600; } td.FAILED, td.VOIDED { color:var(--bad); font-weight:600; } td.PENDING, td.AWAITING_RECONNECT { color:var(--warn); font-weight:600; }
  .toast { min-height:20px; color:var(--muted); }
</style>
</head>
<body>
<header><h1>Gateway simulator</h1><span class="meta" id="meta">connecting…</span></header>
<main>
  <div class="toast" id="toast" role="status" aria-live="polite"></div>
  <h2>Terminals</h2>
  <div class="terminals" id="terminals"></div>
  <h2>Faults</h2>
  <div class="faults">
    <button data-fault="duplicateNext">Duplicate next push</button>
    <button data-fault="reorderNext">Reorder next two pushes</button>
    <button data-fault="delay">Delay pushes 3 s</button>
    <button data-fault="nodelay">No delay</button>
    <button data-fault="ignorePings">Stop answering pings</button>
    <button data-fault="answerPings">Answer pings</button>
    <button data-fault="dropClose">Drop POS connections</button>
    <button data-fault="dropSilent">Drop POS silently</button>
    <button data-fault="halfOpen">Half-open POS (go quiet)</button>
    <button data-fault="restart">Restart gateway</button>
  </div>
  <h2>Transactions</h2>
  <table><thead><tr><th>Time</th><th>Transaction</th><th>Terminal</th><th>Amount</th><th>Gateway status</th><th>Result</th></tr></thead>
  <tbody id="transactions"></tbody></table>
</main>
<script>
const $ = (s) => document.querySelector(s);
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;' }[c]));
const DECLINES = [['INSUFFICIENT_FUNDS','Card declined due to insufficient funds'],['DO_NOT_HONOR','Do not honor'],['EXPIRED_CARD','Card expired'],['INCORRECT_PIN','Incorrect PIN'],['CARD_READ_ERROR','Card could not be read']];
async function post(path, body) {
  const res = await fetch('/__sim/' + path, { method:'POST', headers:{ 'content-type':'application/json' }, body: JSON.stringify(body ?? {}) });
  const data = await res.json().catch(() => ({}));
  $('#toast').textContent = res.ok ? 'Done: ' + path : 'Failed: ' + (data.error || res.status);
  refresh();
}
function terminalCard(t) {
  const s = t.screen || { state: t.status === 'online' ? 'idle' : 'offline', text: t.status === 'online' ? 'EXTERNAL TERMINAL' : 'NO CONNECTION' };
  const id = encodeURIComponent(t.apiKey);
  // The terminal's own screen decides: after a grace expiry the gateway has given the payment up,
  // but the terminal still holds it, and answering it is how a trainer shows the auto-void.
  const busy = !!t.busyWith || s.state === 'processing' || s.state === 'waiting';
  const amount = s.amount ? '<div class="amount">' + esc(s.currency) + ' ' + esc(s.amount) + '</div>' : '';
  const options = DECLINES.map(([c]) => '<option value="' + c + '">' + c + '</option>').join('');
  const controls = t.virtual ? (
    '<div class="buttons">' +
      '<button class="approve" data-act="resolve" data-outcome="SUCCESS" ' + (busy ? '' : 'disabled') + '>Approve</button>' +
      '<button class="decline" data-act="resolve" data-outcome="FAILED" ' + (busy ? '' : 'disabled') + '>Decline</button>' +
      '<select aria-label="Decline code" data-role="code">' + options + '</select>' +
    '</div><div class="buttons">' +
      '<button data-act="resolve" data-outcome="CANCELLED" ' + (busy ? '' : 'disabled') + '>Cancel</button>' +
      '<button data-act="resolve" data-outcome="PENDING" ' + (busy ? '' : 'disabled') + '>Pending</button>' +
      (t.status === 'online' ? '<button data-act="drop">Pull the cable</button>' : '<button data-act="reconnect">Plug back in</button>') +
    '</div>' +
    '<label class="manual"><input type="checkbox" data-act="manual" ' + (t.manual ? 'checked' : '') + '> Manual mode (wait for a button)</label>'
  ) : '<div class="ids">external terminal (WebSocket client)</div>';
  return '<section class="terminal" data-key="' + id + '" aria-label="' + esc(t.label) + '">' +
    '<h3><span>' + esc(t.label) + '</span><span class="status ' + esc(t.status) + '">' + esc(t.status) + '</span></h3>' +
    '<div class="ids">' + esc(t.deviceId || 'no deviceId') + ' · ' + esc(t.groupId) + ' · conn ' + esc(t.connectionId) + '</div>' +
    '<div class="screen ' + esc(s.state) + '">' + amount + '<div>' + esc(s.text) + '</div></div>' + controls + '</section>';
}
let lastTerminals = '';
async function refresh() {
  let state;
  try { state = await (await fetch('/__sim/state')).json(); } catch { $('#meta').textContent = 'simulator not reachable'; return; }
  $('#meta').textContent = location.host + ' · grace ' + state.config.gracePeriodMs + ' ms · payment timeout ' + state.config.paymentTimeoutMs + ' ms · ' + state.posConnections.length + ' POS connection(s)';
  const html = state.terminals.map(terminalCard).join('');
  if (html !== lastTerminals) {
    const codes = {};
    document.querySelectorAll('section.terminal').forEach((el) => { codes[el.dataset.key] = el.querySelector('select')?.value; });
    $('#terminals').innerHTML = html; lastTerminals = html;
    document.querySelectorAll('section.terminal').forEach((el) => { const sel = el.querySelector('select'); if (sel && codes[el.dataset.key]) sel.value = codes[el.dataset.key]; });
  }
  $('#transactions').innerHTML = state.transactions.map((t) =>
    '<tr><td>' + esc(t.createdAt.slice(11, 19)) + '</td><td>' + esc(t.transactionId) + '</td><td>' + esc(t.terminalId) + '</td><td>' + esc(t.currency) + ' ' + esc(t.amount) +
    '</td><td class="' + esc(t.status) + '">' + esc(t.status) + '</td><td>' + esc(t.responseStatus || '') + (t.voidReason ? ' — ' + esc(t.voidReason) : '') + '</td></tr>').join('') ||
    '<tr><td colspan="6">No payments yet. Start one from Checkstand.</td></tr>';
}
document.addEventListener('click', (e) => {
  const btn = e.target.closest('button'); if (!btn) return;
  const card = btn.closest('section.terminal');
  if (card) {
    const key = card.dataset.key; const act = btn.dataset.act;
    if (act === 'resolve') {
      const outcome = btn.dataset.outcome; const body = { outcome };
      if (outcome === 'FAILED') { const code = card.querySelector('select').value; body.errorCode = code; body.errorMessage = (DECLINES.find((d) => d[0] === code) || [code, code])[1]; }
      post('terminals/' + key + '/resolve', body);
    } else if (act === 'drop') post('terminals/' + key + '/drop');
    else if (act === 'reconnect') post('terminals/' + key + '/reconnect');
    return;
  }
  const f = btn.dataset.fault;
  if (f === 'duplicateNext' || f === 'reorderNext') post('faults', { [f]: true });
  else if (f === 'delay') post('faults', { delayPushesMs: 3000 });
  else if (f === 'nodelay') post('faults', { delayPushesMs: 0 });
  else if (f === 'ignorePings') post('faults', { ignorePings: true });
  else if (f === 'answerPings') post('faults', { ignorePings: false });
  else if (f === 'dropClose') post('faults', { dropPosConnections: 'close' });
  else if (f === 'dropSilent') post('faults', { dropPosConnections: 'silent' });
  else if (f === 'halfOpen') post('faults', { dropPosConnections: 'halfOpen' });
  else if (f === 'restart') post('restart', {});
});
document.addEventListener('change', (e) => {
  const box = e.target; if (box.dataset?.act !== 'manual') return;
  const key = box.closest('section.terminal').dataset.key;
  post('terminals/' + key + '/script', box.checked ? { outcome: 'MANUAL', sticky: true } : { outcome: 'SUCCESS', sticky: false });
});
refresh(); setInterval(refresh, 700);
</script>
</body>
</html>`;
