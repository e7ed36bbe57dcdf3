/** Shown when the browser host page was opened without its per-launch token. */
export function NoTokenPage() {
  return (
    <main className="main no-token">
      <h1>Open Checkstand from its own link</h1>
      <p>
        This page needs the address that <code>npm start</code> printed in the terminal window, the one that ends with <code>?token=…</code>. Copy that whole
        address into the browser.
      </p>
      <p>The token changes every time Checkstand starts, so an old address will not work.</p>
    </main>
  );
}
