// A fake of Office.js for end-to-end tests. Served in place of
// https://appsforoffice.microsoft.com/lib/1/hosted/office.js through page.route, so the panes load
// it exactly as they load the real one in Office.
//
// Configuration: the test sets `window.__officeFake = { host, displayLanguage, item, requirementSets,
// userProfile }` with page.addInitScript before the page loads (see pane.ts). `host` is 'Outlook',
// 'Excel' or null (Office.js present but outside Office). `item` is plain data:
//   { itemId, internetMessageId, subject, from: {displayName, emailAddress}, to: [...], cc: [...],
//     dateTimeCreated: ISO string or Date, body: { text, html } }
// `requirementSets` maps a set's name to the highest version supported, e.g. { Mailbox: '1.15' };
// a set that is not listed is not supported.
//
// Test API, on the same `window.__officeFake` object:
//   calls                 every call the page made: { name, args, at } (args JSON-safe; functions as '[function]')
//   notifications         the item's current notification messages, by key
//   setItem(item)         swaps the selected item and fires the ItemChanged handlers
//   invokeCommand(name)   runs the function registered with Office.actions.associate(name, …) as Outlook
//                         does on a ribbon click; resolves with the options passed to event.completed()
//   failNext(name, msg)   the next call of `name` (e.g. 'body.getAsync') fails with that message
//   callsNamed(name)      the recorded calls with that name
(function () {
  'use strict';

  var config = window.__officeFake || {};
  window.__officeFake = config;

  var hostName = config.host === undefined ? 'Outlook' : config.host;
  var displayLanguage = config.displayLanguage || 'ru-RU';
  var requirementSets =
    config.requirementSets ||
    (hostName === 'Excel'
      ? { ExcelApi: '1.17', DialogApi: '1.2', SharedRuntime: '1.1' }
      : hostName === 'Outlook'
        ? { Mailbox: '1.15', IdentityAPI: '1.3', DialogApi: '1.2' }
        : {});

  var calls = [];
  var failures = {};
  var associated = {};
  var itemChangedHandlers = [];
  var notifications = {};

  // ---- recording ---------------------------------------------------------------------------------

  function plain(value, depth) {
    depth = depth || 0;
    if (depth > 8) return '[deep]';
    if (value === null || value === undefined) return value === undefined ? null : value;
    if (typeof value === 'function') return '[function]';
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(function (v) { return plain(v, depth + 1); });
    if (typeof value === 'object') {
      var out = {};
      Object.keys(value).forEach(function (k) { out[k] = plain(value[k], depth + 1); });
      return out;
    }
    return value;
  }

  function record(name, args) {
    var entry = { name: name, args: plain(Array.prototype.slice.call(args || [])), at: performance.now() };
    calls.push(entry);
    return entry;
  }

  function takeFailure(name) {
    if (!Object.prototype.hasOwnProperty.call(failures, name)) return null;
    var message = failures[name];
    delete failures[name];
    return message;
  }

  /** Office's (options?, callback?) tail: returns the callback and the asyncContext. */
  function tail(args, from) {
    var options = null;
    var callback = null;
    for (var i = from; i < args.length; i++) {
      if (typeof args[i] === 'function') callback = args[i];
      else if (args[i] && typeof args[i] === 'object') options = args[i];
    }
    return { callback: callback, asyncContext: options ? options.asyncContext : undefined };
  }

  /** Calls back asynchronously, as Office does, with a Succeeded AsyncResult (or Failed after failNext); true when it succeeded. */
  function answer(name, t, value) {
    var failure = takeFailure(name);
    if (failure) {
      fail(t, failure);
      return false;
    }
    var result = { status: 'succeeded', value: value, error: undefined, asyncContext: t.asyncContext };
    if (t.callback) setTimeout(function () { t.callback(result); }, 0);
    return true;
  }

  function fail(t, message) {
    var result = { status: 'failed', value: undefined, error: { code: 9002, name: 'InternalError', message: message }, asyncContext: t.asyncContext };
    if (t.callback) setTimeout(function () { t.callback(result); }, 0);
  }

  // ---- the Outlook item --------------------------------------------------------------------------

  function makeItem(data) {
    if (!data) return null;
    var bodyText = data.body && data.body.text != null ? String(data.body.text) : '';
    var bodyHtml = data.body && data.body.html != null ? String(data.body.html) : '<html><body><div>' + escapeHtml(bodyText).replace(/\n/g, '<br>') + '</div></body></html>';
    var item = {
      itemType: 'message',
      itemId: data.itemId,
      internetMessageId: data.internetMessageId,
      conversationId: data.conversationId || null,
      subject: data.subject || '',
      normalizedSubject: (data.subject || '').replace(/^((re|fw|fwd|ответ|пересл)\s*:\s*)+/i, ''),
      from: data.from || null,
      sender: data.sender || data.from || null,
      to: data.to || [],
      cc: data.cc || [],
      dateTimeCreated: data.dateTimeCreated ? new Date(data.dateTimeCreated) : new Date(),
      dateTimeModified: data.dateTimeCreated ? new Date(data.dateTimeCreated) : new Date(),
      attachments: data.attachments || [],
      body: {
        getAsync: function (coercionType) {
          record('body.getAsync', arguments);
          var t = tail(arguments, 1);
          var html = coercionType === 'html' || coercionType === Office.CoercionType.Html;
          var value = html ? bodyHtml : bodyText;
          answer('body.getAsync', t, value);
        },
      },
      notificationMessages: {
        addAsync: function (key, details) {
          record('notificationMessages.addAsync', arguments);
          var t = tail(arguments, 2);
          if (Object.prototype.hasOwnProperty.call(notifications, key)) return fail(t, 'A notification with the key "' + key + '" already exists.');
          if (answer('notificationMessages.addAsync', t, undefined)) notifications[key] = plain(details);
        },
        replaceAsync: function (key, details) {
          record('notificationMessages.replaceAsync', arguments);
          if (answer('notificationMessages.replaceAsync', tail(arguments, 2), undefined)) notifications[key] = plain(details);
        },
        removeAsync: function (key) {
          record('notificationMessages.removeAsync', arguments);
          var t = tail(arguments, 1);
          if (!Object.prototype.hasOwnProperty.call(notifications, key)) return fail(t, 'No notification with the key "' + key + '".');
          if (answer('notificationMessages.removeAsync', t, undefined)) delete notifications[key];
        },
        getAllAsync: function () {
          record('notificationMessages.getAllAsync', arguments);
          answer('notificationMessages.getAllAsync', tail(arguments, 0), Object.keys(notifications).map(function (k) {
            return Object.assign({ key: k }, notifications[k]);
          }));
        },
      },
      displayReplyForm: function () {
        record('displayReplyForm', arguments);
      },
      displayReplyAllForm: function () {
        record('displayReplyAllForm', arguments);
      },
      displayReplyFormAsync: function () {
        record('displayReplyFormAsync', arguments);
        answer('displayReplyFormAsync', tail(arguments, 1), undefined);
      },
      displayReplyAllFormAsync: function () {
        record('displayReplyAllFormAsync', arguments);
        answer('displayReplyAllFormAsync', tail(arguments, 1), undefined);
      },
    };
    return item;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  // ---- Office ------------------------------------------------------------------------------------

  function compareVersions(a, b) {
    var pa = String(a).split('.').map(Number);
    var pb = String(b).split('.').map(Number);
    for (var i = 0; i < Math.max(pa.length, pb.length); i++) {
      var d = (pa[i] || 0) - (pb[i] || 0);
      if (d !== 0) return d;
    }
    return 0;
  }

  var mailbox =
    hostName === 'Outlook'
      ? {
          item: makeItem(config.item),
          userProfile: Object.assign(
            { displayName: 'Мария Кузнецова', emailAddress: 'm.kuznetsova@bizsoft-firm.ru', timeZone: 'Russian Standard Time', accountType: 'enterprise' },
            config.userProfile || {},
          ),
          diagnostics: { hostName: 'Outlook', hostVersion: '16.0.19000.10000', OWAView: 'TwoColumns' },
          restUrl: 'https://outlook.office.com/api',
          ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx',
          convertToRestId: function (itemId, restVersion) {
            record('mailbox.convertToRestId', arguments);
            return String(itemId).replace(/\//g, '-').replace(/\+/g, '_');
          },
          convertToEwsId: function (itemId) {
            record('mailbox.convertToEwsId', arguments);
            return String(itemId).replace(/-/g, '/').replace(/_/g, '+');
          },
          addHandlerAsync: function (eventType, handler) {
            record('mailbox.addHandlerAsync', arguments);
            if (eventType === 'olkItemSelectedChanged' && typeof handler === 'function') itemChangedHandlers.push(handler);
            answer('mailbox.addHandlerAsync', tail(arguments, 2), undefined);
          },
          removeHandlerAsync: function (eventType) {
            record('mailbox.removeHandlerAsync', arguments);
            if (eventType === 'olkItemSelectedChanged') itemChangedHandlers = [];
            answer('mailbox.removeHandlerAsync', tail(arguments, 1), undefined);
          },
          getCallbackTokenAsync: function () {
            record('mailbox.getCallbackTokenAsync', arguments);
            fail(tail(arguments, 0), 'Callback tokens are not available in the fake.');
          },
        }
      : undefined;

  var hostEnum = { Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' };
  var platform = hostName ? 'OfficeOnline' : null;

  var Office = {
    HostType: hostEnum,
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    CoercionType: { Text: 'text', Html: 'html', Matrix: 'matrix', Table: 'table', Ooxml: 'ooxml', SlideRange: 'slideRange', Image: 'image', XmlSvg: 'xmlSvg' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: {
      ItemChanged: 'olkItemSelectedChanged',
      RecipientsChanged: 'olkRecipientsChanged',
      AppointmentTimeChanged: 'olkAppointmentTimeChanged',
      DialogMessageReceived: 'dialogMessageReceived',
      DialogEventReceived: 'dialogEventReceived',
    },
    MailboxEnums: {
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      ItemNotificationMessageType: {
        ProgressIndicator: 'progressIndicator',
        InformationalMessage: 'informationalMessage',
        ErrorMessage: 'errorMessage',
        InsightMessage: 'insightMessage',
      },
      ItemType: { Message: 'message', Appointment: 'appointment' },
      AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud', Base64: 'base64' },
    },
    context: {
      host: hostName ? hostEnum[hostName] : null,
      platform: platform,
      displayLanguage: displayLanguage,
      contentLanguage: displayLanguage,
      diagnostics: hostName ? { host: hostName, platform: platform, version: '16.0.19000.10000' } : null,
      requirements: {
        isSetSupported: function (name, version) {
          var max = requirementSets[name];
          var supported = max !== undefined && (version === undefined || version === null || compareVersions(max, version) >= 0);
          record('requirements.isSetSupported', [name, version, supported]);
          return supported;
        },
      },
      mailbox: mailbox,
      ui: {
        displayDialogAsync: function () {
          record('ui.displayDialogAsync', arguments);
          fail(tail(arguments, 1), 'Dialogs are not available in the fake.');
        },
        messageParent: function () {
          record('ui.messageParent', arguments);
        },
      },
      roamingSettings: {
        _values: {},
        get: function (name) { return this._values[name]; },
        set: function (name, value) { record('roamingSettings.set', arguments); this._values[name] = value; },
        remove: function (name) { delete this._values[name]; },
        saveAsync: function () { record('roamingSettings.saveAsync', arguments); answer('roamingSettings.saveAsync', tail(arguments, 0), undefined); },
      },
    },
    actions: {
      associate: function (name, fn) {
        record('actions.associate', arguments);
        associated[name] = fn;
      },
    },
    onReady: function (callback) {
      record('onReady', []);
      var info = { host: hostName ? hostEnum[hostName] : null, platform: platform };
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (typeof Office.initialize === 'function') {
            try { Office.initialize(''); } catch (e) { /* as Office: ignored */ }
          }
          if (typeof callback === 'function') callback(info);
          resolve(info);
        }, 0);
      });
    },
    initialize: undefined,
  };

  // ---- test API ----------------------------------------------------------------------------------

  config.calls = calls;
  config.notifications = notifications;
  config.callsNamed = function (name) {
    return calls.filter(function (c) { return c.name === name; });
  };
  config.failNext = function (name, message) {
    failures[name] = message || 'Failed by the test.';
  };
  config.setItem = function (data) {
    record('test.setItem', [data]);
    if (!mailbox) throw new Error('setItem: the fake host is not Outlook');
    mailbox.item = makeItem(data);
    Object.keys(notifications).forEach(function (k) { delete notifications[k]; });
    var handlers = itemChangedHandlers.slice();
    setTimeout(function () {
      handlers.forEach(function (h) { h({ type: 'olkItemSelectedChanged' }); });
    }, 0);
    return handlers.length;
  };
  config.invokeCommand = function (name, timeoutMs) {
    var fn = associated[name];
    if (!fn) return Promise.reject(new Error('invokeCommand: nothing is associated with "' + name + '" (associated: ' + Object.keys(associated).join(', ') + ')'));
    record('test.invokeCommand', [name]);
    return new Promise(function (resolve, reject) {
      var done = false;
      var timer = setTimeout(function () {
        if (!done) reject(new Error('invokeCommand: "' + name + '" did not call event.completed() within ' + (timeoutMs || 30000) + ' ms'));
      }, timeoutMs || 30000);
      var event = {
        source: { id: name },
        completed: function (options) {
          record('event.completed', arguments);
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve(plain(options === undefined ? null : options));
        },
      };
      try {
        var r = fn(event);
        if (r && typeof r.then === 'function') r.then(null, function (e) { record('command.rejected', [String(e && e.message || e)]); });
      } catch (e) {
        record('command.threw', [String(e && e.message || e)]);
      }
    });
  };
  config.associated = function () {
    return Object.keys(associated);
  };

  window.Office = Office;
  window.OfficeExtension = { Error: Error, ClientRequestContext: function () {} };
})();
