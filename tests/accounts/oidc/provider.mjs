// A real OpenID Connect provider for the sign-in tests, built on panva's
// oidc-provider (npm). It takes the place of ASAN İmza / e-İmza, which cannot
// be reached from a test machine. It is for tests only, because it keeps
// everything in memory and serves plain HTTP on 127.0.0.1.
//
// Usage: node tests/accounts/oidc/provider.mjs [PORT]
//   PORT (or OIDC_TEST_PORT) is the port to listen on; 0 or none picks a free one.
// Environment, all required:
//   OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET  the one confidential client
//   OIDC_TEST_REDIRECT_URIS   the client's redirect URIs, separated by spaces
//   OIDC_TEST_ACCOUNTS        JSON list of {"username", "password", "claims"},
//                             where claims contains sub, email, email_verified, name
// When ready it prints one line to stdout: "listening on http://127.0.0.1:PORT".

import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';

import { Provider } from 'oidc-provider';

const HOST = '127.0.0.1';
const MAX_FORM_BYTES = 10_000;

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is missing. Set it as the usage notes at the top of provider.mjs describe.`);
    process.exit(2);
  }
  return value;
}

function readAccounts() {
  const accounts = JSON.parse(requiredEnv('OIDC_TEST_ACCOUNTS'));
  return new Map(accounts.map((account) => [account.username, account]));
}

function newSigningKeys() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' }] };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function sendHtml(res, status, title, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) {
      throw new Error(`form body is larger than ${MAX_FORM_BYTES} bytes`);
    }
  }
  return new URLSearchParams(body);
}

function loginPage(uid, error = '') {
  const message = error ? `<p role="alert">${escapeHtml(error)}</p>` : '';
  return `<h1>Test provider sign-in</h1>${message}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
<a href="/interaction/${escapeHtml(uid)}/abort">Cancel</a>`;
}

function consentPage(uid, clientId, scopes) {
  return `<h1>Allow ${escapeHtml(clientId)} to read: ${escapeHtml(scopes.join(' '))}?</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/consent">
<button type="submit">Allow</button>
</form>
<a href="/interaction/${escapeHtml(uid)}/abort">Cancel</a>`;
}

function newProvider(issuer, accounts) {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: requiredEnv('OIDC_TEST_CLIENT_ID'),
        client_secret: requiredEnv('OIDC_TEST_CLIENT_SECRET'),
        redirect_uris: requiredEnv('OIDC_TEST_REDIRECT_URIS').split(/\s+/).filter(Boolean),
        response_types: ['code'],
        grant_types: ['authorization_code'],
        // django-allauth sends the secret in the form body when the discovery
        // document offers client_secret_post, as this provider's does.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    async findAccount(ctx, sub) {
      const account = [...accounts.values()].find((candidate) => candidate.claims.sub === sub);
      if (!account) {
        return undefined;
      }
      return { accountId: sub, claims: async () => account.claims };
    },
    // Every authorization request must carry a PKCE challenge, so a client
    // that forgot to send one fails here as it would at a strict provider.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    jwks: newSigningKeys(),
  });

  for (const event of ['server_error', 'authorization.error', 'grant.error', 'userinfo.error']) {
    provider.on(event, (ctx, error) => console.error(`${event}: ${error.message} ${error.error_description ?? ''}`));
  }
  return provider;
}

async function showInteraction(provider, req, res) {
  const { uid, prompt, params } = await provider.interactionDetails(req, res);

  if (prompt.name === 'login') {
    sendHtml(res, 200, 'Sign-in', loginPage(uid));
  } else if (prompt.name === 'consent') {
    sendHtml(res, 200, 'Consent', consentPage(uid, params.client_id, String(params.scope).split(' ')));
  } else {
    sendHtml(res, 501, 'Not implemented', `<p>Prompt ${escapeHtml(prompt.name)} is not implemented.</p>`);
  }
}

async function submitLogin(provider, accounts, req, res) {
  const { uid, prompt } = await provider.interactionDetails(req, res);
  const form = await readForm(req);
  const account = accounts.get(form.get('username'));

  if (prompt.name !== 'login') {
    sendHtml(res, 400, 'Bad request', `<p>Interaction ${escapeHtml(uid)} does not expect a sign-in.</p>`);
    return;
  }
  if (!account || account.password !== form.get('password')) {
    sendHtml(res, 401, 'Sign-in', loginPage(uid, 'Invalid username or password.'));
    return;
  }

  await provider.interactionFinished(req, res, { login: { accountId: account.claims.sub } }, {
    mergeWithLastSubmission: false,
  });
}

async function submitConsent(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;

  if (prompt.name !== 'consent') {
    sendHtml(res, 400, 'Bad request', `<p>Interaction ${escapeHtml(details.uid)} does not expect consent.</p>`);
    return;
  }

  // Grant exactly what the prompt reports as missing, as the provider's own
  // development interactions do.
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) {
    grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  }
  if (prompt.details.missingOIDCClaims) {
    grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  }

  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, {
    mergeWithLastSubmission: true,
  });
}

async function abortInteraction(provider, req, res) {
  const result = { error: 'access_denied', error_description: 'The person cancelled the sign-in.' };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

// Return a request handler that serves the interaction pages
// (/interaction/<uid>[/login|/consent|/abort]) and passes every other path
// to the provider.
function handleRequest(provider, accounts) {
  const providerCallback = provider.callback();

  return async (req, res) => {
    const path = new URL(req.url, provider.issuer).pathname;
    const match = path.match(/^\/interaction\/([^/]+)(?:\/(login|consent|abort))?$/);
    if (!match) {
      providerCallback(req, res);
      return;
    }

    const action = match[2] ?? 'show';
    try {
      if (action === 'show' && req.method === 'GET') {
        await showInteraction(provider, req, res);
      } else if (action === 'login' && req.method === 'POST') {
        await submitLogin(provider, accounts, req, res);
      } else if (action === 'consent' && req.method === 'POST') {
        await submitConsent(provider, req, res);
      } else if (action === 'abort' && req.method === 'GET') {
        await abortInteraction(provider, req, res);
      } else {
        sendHtml(res, 405, 'Method not allowed', `<p>${escapeHtml(req.method)} is not allowed here.</p>`);
      }
    } catch (error) {
      console.error(`interaction ${action} failed: ${error.message}`);
      sendHtml(res, 400, 'Interaction failed', `<p>${escapeHtml(error.message)}</p>`);
    }
  };
}

// The issuer contains the port, and port 0 is known only after listening,
// so the provider is built once the socket is bound.
function main() {
  const accounts = readAccounts();
  const port = Number(process.argv[2] ?? process.env.OIDC_TEST_PORT ?? 0);
  const server = createServer();

  server.listen(port, HOST, () => {
    const issuer = `http://${HOST}:${server.address().port}`;
    server.on('request', handleRequest(newProvider(issuer, accounts), accounts));
    console.log(`listening on ${issuer}`);
  });

  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}

main();
