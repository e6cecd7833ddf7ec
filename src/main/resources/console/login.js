import { t, translate, switchLanguage } from './i18n.js';

translate(document);
document.getElementById('language').addEventListener('click', () => { switchLanguage(); translate(document); });
document.getElementById('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.getElementById('login-error');
  error.textContent = '';
  const answer = await fetch('/api/v1/admin/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: document.getElementById('user').value, password: document.getElementById('password').value })
  });
  if (answer.ok) {
    location.href = '/console/';
  } else {
    error.textContent = t(answer.status === 429 ? 'locked' : 'loginFailed');
  }
});
