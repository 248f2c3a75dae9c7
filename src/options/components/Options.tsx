/** The options page: settings and the reader's library (issue 7). */
export function Options() {
  return (
    <main class="popup">
      <h1>Counterpoint settings</h1>
      <p class="muted">Counterpoint works offline and sends nothing anywhere.</p>
    </main>
  );
}
