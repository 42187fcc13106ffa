// Drives a running simulator's Entra ID with @azure/msal-node: app-only with a secret and with a
// certificate, the dedicated mailbox's authorization code with PKCE through the sign-in and consent
// pages, a forced refresh, and the refresh tokens' end at an admin password reset.
// Usage: NODE_EXTRA_CA_CERTS=<simulator PEM> node msal-node-check.js https://127.0.0.1:<https port> <control token> <repo>/exchange-sim
const msal = require('@azure/msal-node');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const [base, controlToken = 'sim-control-token', simDir = path.join(__dirname, '..', '..')] = process.argv.slice(2);
const resources = path.join(simDir, 'src/main/resources/org/corpconnect/sim/dataset');
const TENANT = 'contoso-test';
const CENTRAL = '4f0b9e2a-6c1d-4e3b-8a57-2d9c0e1f3b61';
const MAILBOX = 'b7e2c9d4-3a5f-4e61-9c08-7f1a2b3c4d52';
const SERVICE = 'booking-service@contoso.test';
const GRAPH_DEFAULT = ['https://graph.microsoft.com/.default'];
const DELEGATED = ['https://graph.microsoft.com/Calendars.ReadWrite.Shared'];
const host = new URL(base).host;
let failures = 0;

function check(name, ok, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok || detail === undefined ? '' : ': ' + detail}`);
  if (!ok) failures++;
}
const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
const auth = (extra) => ({ auth: { clientId: extra.clientId, authority: `${base}/${TENANT}`, knownAuthorities: [host], ...extra } });

async function signIn(app, redirectUri) {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const state = crypto.randomUUID();
  const url = await app.getAuthCodeUrl({ scopes: DELEGATED, redirectUri, codeChallenge: challenge,
    codeChallengeMethod: 'S256', state, responseMode: 'query' });
  const page = await (await fetch(url)).text();
  const ctx = /name="ctx" value="([^"]*)"/.exec(page)[1];
  const post = (fields) => fetch(`${base}/${TENANT}/oauth2/v2.0/authorize`, { method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ctx, ...fields }) });
  let r = await post({ login: SERVICE, passwd: 'Demo-Service-Pa55!' });
  if (r.status === 200) r = await post({ consent: 'accept' });
  const answer = new URL(r.headers.get('location')).searchParams;
  check('the sign-in pages hand back the state', answer.get('state') === state, answer.toString());
  return app.acquireTokenByCode({ code: answer.get('code'), scopes: DELEGATED, redirectUri, codeVerifier: verifier });
}

async function control(method, p, body) {
  return fetch(`${base}/control${p}`, { method, headers: { Authorization: `Bearer ${controlToken}`, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body) });
}

(async () => {
  const secretApp = new msal.ConfidentialClientApplication(auth({ clientId: CENTRAL, clientSecret: 'Demo-Graph-Secret-1!' }));
  const bySecret = await secretApp.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });
  const c1 = claims(bySecret.accessToken);
  check('app-only with a secret', c1.appid === CENTRAL && c1.aud === 'https://graph.microsoft.com' && c1.appidacr === '1', JSON.stringify(c1));

  const pem = fs.readFileSync(path.join(resources, 'demo-app-certificate.pem'), 'utf8');
  const thumbprintSha256 = new crypto.X509Certificate(pem).fingerprint256.replace(/:/g, '');
  const certApp = new msal.ConfidentialClientApplication(auth({ clientId: CENTRAL,
    clientCertificate: { thumbprintSha256, privateKey: fs.readFileSync(path.join(resources, 'demo-app-key.pem'), 'utf8') } }));
  const byCert = await certApp.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });
  check('app-only with a certificate', claims(byCert.accessToken).appidacr === '2', JSON.stringify(claims(byCert.accessToken)));

  try {
    await new msal.ConfidentialClientApplication(auth({ clientId: CENTRAL, clientSecret: 'wrong' }))
      .acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });
    check('a wrong secret is refused', false, 'a token came back');
  } catch (e) {
    check('a wrong secret is refused with its AADSTS code', e.errorCode === 'invalid_client' && /AADSTS7000215/.test(e.errorMessage),
      `${e.errorCode} ${e.errorMessage}`);
  }

  const mailboxApp = new msal.ConfidentialClientApplication(auth({ clientId: MAILBOX, clientSecret: 'Demo-Mailbox-Secret-1!' }));
  const signedIn = await signIn(mailboxApp, 'http://localhost:7654/callback');
  const c2 = claims(signedIn.accessToken);
  check('delegated: the token carries the mailbox', signedIn.account.username === SERVICE && c2.upn === SERVICE
    && c2.scp === 'Calendars.ReadWrite.Shared', JSON.stringify(c2));

  const refreshTokenIn = () => Object.values(JSON.parse(mailboxApp.getTokenCache().serialize()).RefreshToken)[0].secret;
  const first = refreshTokenIn();
  const refreshed = await mailboxApp.acquireTokenSilent({ account: signedIn.account, scopes: DELEGATED, forceRefresh: true });
  check('a forced silent refresh gives a new access token', refreshed.accessToken !== signedIn.accessToken);
  check('and rotates the refresh token', refreshTokenIn() !== first);
  try {
    await mailboxApp.acquireTokenByRefreshToken({ refreshToken: first, scopes: DELEGATED });
    check('the rotated-out refresh token is refused', false, 'a token came back');
  } catch (e) {
    check('the rotated-out refresh token is refused', e.errorCode === 'invalid_grant', `${e.errorCode} ${e.errorMessage}`);
  }

  const reset = await control('PUT', `/mailboxes/${SERVICE}/password`, { password: 'Reset-By-Admin-1!' });
  try {
    await mailboxApp.acquireTokenSilent({ account: signedIn.account, scopes: DELEGATED, forceRefresh: true });
    check('after an admin reset the refresh token is refused', false, 'a token came back');
  } catch (e) {
    check('after an admin reset the refresh token is refused (AADSTS50173)', reset.status === 204
      && e.errorCode === 'invalid_grant' && /AADSTS50173/.test(e.errorMessage), `${reset.status} ${e.errorCode} ${e.errorMessage}`);
  } finally {
    await control('PUT', `/mailboxes/${SERVICE}/password`, { password: 'Demo-Service-Pa55!' });
  }
  console.log(failures === 0 ? 'All checks passed.' : `${failures} check(s) failed.`);
  process.exit(failures === 0 ? 0 : 1);
})().catch((e) => {
  console.log(`FAIL unexpected: ${e.stack || e}`);
  process.exit(1);
});
