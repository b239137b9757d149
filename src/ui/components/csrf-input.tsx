/** Hidden CSRF token field; the server checks `_csrf` on every state-changing POST. */
export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
