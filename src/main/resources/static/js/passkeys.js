// Passkey sign-in (login page) and registration (/passkeys page) against Spring Security's
// WebAuthn endpoints. Kept in a file because the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(value) {
    var text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function headers() {
    var result = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var csrf = window.reconnectCsrf ? window.reconnectCsrf() : {};
    for (var name in csrf) {
      result[name] = csrf[name];
    }
    return result;
  }

  function postJson(url, body) {
    return fetch(url, { method: 'POST', headers: headers(), credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the server answered ' + response.status);
        }
        return response.json();
      });
  }

  function say(message) {
    var status = document.getElementById('passkey-status');
    if (status) {
      status.textContent = message;
    }
  }

  function withIds(list) {
    return (list || []).map(function (item) {
      return Object.assign({}, item, { id: fromBase64Url(item.id) });
    });
  }

  function signIn(button) {
    say('Waiting for your passkey…');
    postJson(button.dataset.optionsUrl).then(function (options) {
      options.challenge = fromBase64Url(options.challenge);
      options.allowCredentials = withIds(options.allowCredentials);
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return postJson(button.dataset.loginUrl, {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        response: {
          authenticatorData: toBase64Url(response.authenticatorData),
          clientDataJSON: toBase64Url(response.clientDataJSON),
          signature: toBase64Url(response.signature),
          userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (result) {
      window.location.href = result.redirectUrl || '/';
    }).catch(function () {
      window.location.href = '/login?passkey';
    });
  }

  function register(form) {
    var label = form.querySelector('input[name="label"]').value.trim();
    if (!label) {
      say('Give the passkey a name first, e.g. "Work phone".');
      return;
    }
    say('Follow your device\'s prompt to create the passkey…');
    postJson(form.dataset.optionsUrl).then(function (options) {
      options.challenge = fromBase64Url(options.challenge);
      options.user = Object.assign({}, options.user, { id: fromBase64Url(options.user.id) });
      options.excludeCredentials = withIds(options.excludeCredentials);
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return postJson(form.dataset.registerUrl, { publicKey: { label: label, credential: {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        response: {
          attestationObject: toBase64Url(response.attestationObject),
          clientDataJSON: toBase64Url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      } } });
    }).then(function () {
      window.location.reload();
    }).catch(function (error) {
      say('The passkey was not added (' + error.message + '). You can try again.');
    });
  }

  function remove(form) {
    fetch(form.dataset.deleteUrl, { method: 'DELETE', headers: headers(), credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the server answered ' + response.status);
        }
        window.location.reload();
      })
      .catch(function (error) {
        say('The passkey was not removed (' + error.message + ').');
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var supported = !!window.PublicKeyCredential;
    var button = document.getElementById('passkey-sign-in');
    if (button) {
      if (!supported) {
        button.disabled = true;
        say('This browser cannot use passkeys.');
      }
      button.addEventListener('click', function () { signIn(button); });
    }
    var form = document.getElementById('passkey-register');
    if (form) {
      form.addEventListener('submit', function (event) { event.preventDefault(); register(form); });
    }
    document.querySelectorAll('form.passkey-delete').forEach(function (deleteForm) {
      deleteForm.addEventListener('submit', function (event) { event.preventDefault(); remove(deleteForm); });
    });
  });
})();
