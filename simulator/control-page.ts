/**
 * The control page at /__sim/: one "terminal screen" per virtual terminal with the buttons a
 * trainer needs (approve, decline with a reason, customer cancels, still processing, terminal
 * loses / regains its connection, manual mode), scenario presets for the next payment, the
 * terminal reconnect time (shorter for training), the fault switches and the transaction log
 * with each order reference. Buttons use a cashier's words (till: the trainer page). Plain HTML + a small script that
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
  .screen .items { list-style:none; margin:4px 0; padding:0; font-size:13px; } .screen .items span { float:right; }
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
  .preset { display:flex; flex-wrap:wrap; gap:6px; align-items:center; margin-top:8px; }
  .training { display:flex; flex-wrap:wrap; gap:8px; align-items:center; background:#fff; border:1px solid var(--line); border-radius:12px; padding:10px; }
</style>
</head>
<body>
<header><h1>Gateway simulator</h1><span class="meta" id="meta">connecting…</span></header>
<main>
  <div class="toast" id="toast" role="status" aria-live="polite"></div>
  <h2>Training</h2>
  <div class="training">
    <label for="grace">Terminal reconnect time</label>
    <select id="grace">
      <option value="60000">60 s (like the real gateway)</option>
      <option value="15000">15 s (training)</option>
      <option value="2000">2 s (training)</option>
    </select>
    <span class="meta">How long a terminal that lost its connection may take to come back before its payment is given up.</span>
  </div>
  <h2>Terminals</h2>
  <div class="terminals" id="terminals"></div>
  <h2>Faults</h2>
  <div class="faults">
    <button data-fault="duplicateNext">Send the next result twice</button>
    <button data-fault="reorderNext">Swap the next two results</button>
    <button data-fault="delay">Slow results (3 s late)</button>
    <button data-fault="nodelay">Results on time</button>
    <button data-fault="ignorePings">Gateway stops answering the till</button>
    <button data-fault="answerPings">Gateway answers the till again</button>
    <button data-fault="dropClose">Cut the till's connection</button>
    <button data-fault="dropSilent">Cut the till's connection silently</button>
    <button data-fault="halfOpen">Till's connection goes quiet</button>
    <button data-fault="restart">Restart the gateway</button>
  </div>
  <h2>Transactions</h2>
  <table><thead><tr><th>Time</th><th>Order</th><th>Transaction</th><th>Terminal</th><th>Amount</th><th>Items</th><th>Gateway status</th><th>Result</th></tr></thead>
  <tbody id="transactions"></tbody></table>
</main>
<script>
const $ = (s) => document.querySelector(s);
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;' }[c]));
// [code, the gateway's message, the trainer's words]
const DECLINES = [['INSUFFICIENT_FUNDS','Card declined due to insufficient funds','not enough money'],['DO_NOT_HONOR','Do not honor','the bank says no'],['EXPIRED_CARD','Card expired','card expired'],['INCORRECT_PIN','Incorrect PIN','wrong PIN'],['CARD_READ_ERROR','Card could not be read','card could not be read']];
let graceMs = 60000;
// Scenario presets for a terminal's next payment: [value, label, what the toast says, script].
function presets() {
  const customer = 2500;
  return [
    ['approve', 'Approve', 'the next payment will be approved', { outcome:'SUCCESS', delayMs: customer }],
    ...DECLINES.map(([code, message, words]) => ['decline:' + code, 'Decline: ' + words, 'the next payment will be declined (' + words + ')', { outcome:'FAILED', errorCode: code, errorMessage: message, delayMs: customer }]),
    ['cancel', 'Customer cancels', 'the customer will cancel the next payment', { outcome:'CANCELLED', delayMs: customer }],
    ['lostBack', 'Terminal lost, back in time', 'the terminal will drop during the next payment and come back in time', { outcome:'DROP_MID_PAYMENT', delayMs: 1500, reconnectAfterMs: Math.max(300, Math.floor(graceMs / 2)), resultAfterReconnect:'SUCCESS' }],
    ['lostLate', 'Terminal lost, back too late (auto-void)', 'the terminal will drop during the next payment and come back too late: the gateway reverses it', { outcome:'DROP_MID_PAYMENT', delayMs: 1500, reconnectAfterMs: graceMs + 2000, resultAfterReconnect:'SUCCESS' }],
  ];
}
async function post(path, body, doneText) {
  const res = await fetch('/__sim/' + path, { method:'POST', headers:{ 'content-type':'application/json' }, body: JSON.stringify(body ?? {}) });
  const data = await res.json().catch(() => ({}));
  $('#toast').textContent = res.ok ? (doneText || 'Done.') : 'Failed: ' + (data.error || res.status);
  refresh();
}
function itemsCell(products) {
  if (!products || !products.length) return '';
  return products.map((p) => esc(p.quantity) + ' × ' + esc(p.name)).join('<br>');
}
function terminalCard(t) {
  const s = t.screen || { state: t.status === 'online' ? 'idle' : 'offline', text: t.status === 'online' ? 'EXTERNAL TERMINAL' : 'NO CONNECTION' };
  const id = encodeURIComponent(t.apiKey);
  // The terminal's own screen decides: after a grace expiry the gateway has given the payment up,
  // but the terminal still holds it, and answering it is how a trainer shows the auto-void.
  const busy = !!t.busyWith || s.state === 'processing' || s.state === 'waiting';
  const amount = s.amount ? '<div class="amount">' + esc(s.currency) + ' ' + esc(s.amount) + '</div>' : '';
  const items = s.items ? '<ul class="items">' + s.items.slice(0, 8).map((i) => '<li>' + esc(i.quantity) + ' × ' + esc(i.name) + ' <span>' + esc(i.price) + '</span></li>').join('') +
    (s.items.length > 8 ? '<li>… ' + (s.items.length - 8) + ' more</li>' : '') + '</ul>' : '';
  const options = DECLINES.map(([c, , words]) => '<option value="' + c + '">' + esc(words) + '</option>').join('');
  const controls = t.virtual ? (
    '<div class="buttons">' +
      '<button class="approve" data-act="resolve" data-outcome="SUCCESS" ' + (busy ? '' : 'disabled') + '>Approve</button>' +
      '<button class="decline" data-act="resolve" data-outcome="FAILED" ' + (busy ? '' : 'disabled') + '>Decline</button>' +
      '<select aria-label="Decline code" data-role="code">' + options + '</select>' +
    '</div><div class="buttons">' +
      '<button data-act="resolve" data-outcome="CANCELLED" ' + (busy ? '' : 'disabled') + '>Customer cancels</button>' +
      '<button data-act="resolve" data-outcome="PENDING" ' + (busy ? '' : 'disabled') + '>Still processing</button>' +
      (t.status === 'online' ? '<button data-act="drop">Terminal loses connection</button>' : '<button data-act="reconnect">Terminal reconnects</button>') +
    '</div>' +
    '<div class="preset"><select aria-label="Next payment" data-role="preset">' + presets().map(([v, label]) => '<option value="' + v + '">' + esc(label) + '</option>').join('') + '</select>' +
      '<button data-act="preset">Use for the next payment</button></div>' +
    '<label class="manual"><input type="checkbox" data-act="manual" ' + (t.manual ? 'checked' : '') + '> Manual mode (wait for a button)</label>'
  ) : '<div class="ids">external terminal (WebSocket client)</div>';
  return '<section class="terminal" data-key="' + id + '" aria-label="' + esc(t.label) + '">' +
    '<h3><span>' + esc(t.label) + '</span><span class="status ' + esc(t.status) + '">' + esc(t.status) + '</span></h3>' +
    '<div class="ids">' + esc(t.deviceId || 'no deviceId') + ' · ' + esc(t.groupId) + ' · conn ' + esc(t.connectionId) + '</div>' +
    '<div class="screen ' + esc(s.state) + '">' + amount + items + '<div>' + esc(s.text) + '</div></div>' + controls + '</section>';
}
let lastTerminals = '';
async function refresh() {
  let state;
  try { state = await (await fetch('/__sim/state')).json(); } catch { $('#meta').textContent = 'simulator not reachable'; return; }
  graceMs = state.config.gracePeriodMs;
  $('#meta').textContent = location.host + ' · terminals may reconnect within ' + Math.round(graceMs / 1000) + ' s · a payment times out after ' + Math.round(state.config.paymentTimeoutMs / 1000) + ' s · ' + state.posConnections.length + ' till(s) connected';
  if (document.activeElement !== $('#grace') && [...$('#grace').options].some((o) => Number(o.value) === graceMs)) $('#grace').value = String(graceMs);
  const html = state.terminals.map(terminalCard).join('');
  if (html !== lastTerminals) {
    const codes = {};
    // Keep what the trainer picked in each card's lists across the redraw.
    document.querySelectorAll('section.terminal select').forEach((sel) => { codes[sel.closest('section').dataset.key + sel.dataset.role] = sel.value; });
    $('#terminals').innerHTML = html; lastTerminals = html;
    document.querySelectorAll('section.terminal select').forEach((sel) => { const v = codes[sel.closest('section').dataset.key + sel.dataset.role]; if (v) sel.value = v; });
  }
  $('#transactions').innerHTML = state.transactions.map((t) =>
    '<tr><td>' + esc(t.createdAt.slice(11, 19)) + '</td><td>' + esc(t.orderRef || '') + '</td><td>' + esc(t.transactionId) + '</td><td>' + esc(t.terminalId) + '</td><td>' + esc(t.currency) + ' ' + esc(t.amount) +
    '</td><td>' + itemsCell(t.products) + '</td><td class="' + esc(t.status) + '">' + esc(t.status) + '</td><td>' + esc(t.responseStatus || '') + (t.voidReason ? ' — ' + esc(t.voidReason) : '') + '</td></tr>').join('') ||
    '<tr><td colspan="8">No payments yet. Start one from Checkstand.</td></tr>';
}
document.addEventListener('click', (e) => {
  const btn = e.target.closest('button'); if (!btn) return;
  const card = btn.closest('section.terminal');
  if (card) {
    const key = card.dataset.key; const act = btn.dataset.act;
    if (act === 'resolve') {
      const outcome = btn.dataset.outcome; const body = { outcome };
      if (outcome === 'FAILED') { const code = card.querySelector('select[data-role="code"]').value; body.errorCode = code; body.errorMessage = (DECLINES.find((d) => d[0] === code) || [code, code])[1]; }
      post('terminals/' + key + '/resolve', body);
    } else if (act === 'drop') post('terminals/' + key + '/drop');
    else if (act === 'reconnect') post('terminals/' + key + '/reconnect');
    else if (act === 'preset') {
      const chosen = presets().find(([v]) => v === card.querySelector('select[data-role="preset"]').value);
      if (chosen) post('terminals/' + key + '/script', chosen[3], card.getAttribute('aria-label') + ': ' + chosen[2] + '.');
    }
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
  if (e.target.id === 'grace') { post('config', { gracePeriodMs: Number(e.target.value) }, 'Terminals may now reconnect within ' + Math.round(Number(e.target.value) / 1000) + ' s.'); return; }
  const box = e.target; if (box.dataset?.act !== 'manual') return;
  const key = box.closest('section.terminal').dataset.key;
  post('terminals/' + key + '/script', box.checked ? { outcome: 'MANUAL', sticky: true } : { outcome: 'SUCCESS', sticky: false });
});
refresh(); setInterval(refresh, 700);
</script>
</body>
</html>`;
