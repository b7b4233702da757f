// Unit tests run without Office.js: a minimal Office namespace with the enums the code reads.
import { afterEach } from 'vitest';

(globalThis as Record<string, unknown>).Office = {
  CoercionType: { Text: 'text', Html: 'html' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  MailboxEnums: {
    RestVersion: { v2_0: 'v2.0' },
    ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage' },
  },
  EventType: { ItemChanged: 'olkItemSelectedChanged' },
  context: { requirements: { isSetSupported: () => false } },
};

// Fluent UI measures some components (MessageBar) with ResizeObserver, which jsdom lacks.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as Record<string, unknown>).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

afterEach(() => {
  if (typeof localStorage !== "undefined") localStorage.clear();
});
