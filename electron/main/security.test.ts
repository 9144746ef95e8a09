import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, hardenWebContents, isAllowedExternal, secureSession } from './security.js';

type Listener = (...args: unknown[]) => unknown;

/** A small stand-in for Electron's WebContents: records listeners so tests can fire them. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: Listener) {
      openHandler = handler;
    },
  };
  const fire = (event: string, details: Record<string, unknown>) => {
    const prevented = { value: false };
    const payload = { ...details, preventDefault: () => (prevented.value = true) };
    listeners.get(event)?.(payload);
    return prevented.value;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url, disposition: 'new-window' }) };
}

function harden(allowed: string[] = ['https://help.deskops.example']) {
  const fake = fakeContents();
  const openExternal = vi.fn(() => Promise.resolve());
  const onBlocked = vi.fn();
  hardenWebContents(fake.contents, { allowedExternalOrigins: allowed, openExternal, onBlocked });
  return { ...fake, openExternal, onBlocked };
}

describe('content security policy', () => {
  it('allows scripts only from the app and network only to the sync server', () => {
    const csp = contentSecurityPolicy('https://sync.example.com:8443/api/v1');
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' https://sync.example.com:8443; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(contentSecurityPolicy('http://127.0.0.1:8787')).toContain("connect-src 'self' http://127.0.0.1:8787;");
  });

  it('refuses a sync server URL that is not http(s)', () => {
    expect(() => contentSecurityPolicy('javascript:alert(1)')).toThrow(/not an http/);
    expect(() => contentSecurityPolicy("http://a.example; script-src 'unsafe-inline'")).toThrow();
  });

  it('is added to every response and replaces a weaker one; permissions are refused but notifications and the camera', () => {
    let onHeaders: Listener = () => undefined;
    let onRequest: Listener = () => undefined;
    let onCheck: Listener = () => false;
    const session = {
      webRequest: { onHeadersReceived: (listener: Listener) => (onHeaders = listener) },
      setPermissionRequestHandler: (handler: Listener) => (onRequest = handler),
      setPermissionCheckHandler: (handler: Listener) => (onCheck = handler),
    } as unknown as Session;
    secureSession(session, "default-src 'self'");

    const callback = vi.fn();
    onHeaders({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ["default-src 'self'"] } });

    const decide = (permission: string, requestingUrl: string, mediaTypes?: string[]) => {
      const granted = vi.fn();
      onRequest(null, permission, granted, { requestingUrl, isMainFrame: true, ...(mediaTypes ? { mediaTypes } : {}) });
      return granted.mock.calls[0]?.[0] as boolean;
    };
    expect(decide('notifications', 'app://deskops/index.html')).toBe(true);
    expect(decide('notifications', 'https://evil.example/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'serial']) {
      expect(decide(permission, 'app://deskops/index.html')).toBe(false);
    }
    // The camera for ticket photos: video only, from the app only; never the microphone.
    expect(decide('media', 'app://deskops/index.html', ['video'])).toBe(true);
    expect(decide('media', 'app://deskops/index.html', ['video', 'audio'])).toBe(false);
    expect(decide('media', 'app://deskops/index.html', ['audio'])).toBe(false);
    expect(decide('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(onCheck(null, 'notifications', 'app://deskops')).toBe(true);
    expect(onCheck(null, 'media', 'app://deskops')).toBe(false);
    expect(onCheck(null, 'media', 'app://deskops', { mediaType: 'video' })).toBe(true);
    expect(onCheck(null, 'media', 'app://deskops', { mediaType: 'audio' })).toBe(false);
    expect(onCheck(null, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
  });
});

describe('navigation guard', () => {
  it('lets the app navigate within itself', () => {
    const { fire } = harden();
    expect(fire('will-navigate', { url: 'app://deskops/tickets/42' })).toBe(false);
    expect(fire('will-redirect', { url: 'app://deskops/index.html' })).toBe(false);
  });

  it('blocks navigation elsewhere and hands only allow-listed https links to the browser', () => {
    const { fire, openExternal, onBlocked } = harden();
    expect(fire('will-navigate', { url: 'https://evil.example/phish' })).toBe(true);
    expect(fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(fire('will-navigate', { url: 'http://help.deskops.example/guide' })).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    expect(onBlocked).toHaveBeenCalledWith('navigation', 'https://evil.example/phish');

    expect(fire('will-navigate', { url: 'https://help.deskops.example/guide' })).toBe(true);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://help.deskops.example/guide');
  });

  it('blocks redirects and sub-frame navigation off the app without opening anything', () => {
    const { fire, openExternal } = harden();
    expect(fire('will-redirect', { url: 'https://help.deskops.example/x' })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'https://help.deskops.example/x', isMainFrame: false })).toBe(true);
    // Main-frame navigations arrive as will-navigate too and are decided there, once.
    expect(fire('will-frame-navigate', { url: 'https://help.deskops.example/x', isMainFrame: true })).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never opens a window, and refuses webviews', () => {
    const { open, fire, openExternal } = harden();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://deskops/popup')).toEqual({ action: 'deny' });
    expect(open('https://help.deskops.example/faq')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://help.deskops.example/faq');
    expect(fire('will-attach-webview', {})).toBe(true);
  });

  it('matches the allowlist by exact https origin', () => {
    const allowed = ['https://help.deskops.example'];
    expect(isAllowedExternal('https://help.deskops.example/a?b', allowed)).toBe(true);
    expect(isAllowedExternal('https://help.deskops.example.evil.com/', allowed)).toBe(false);
    expect(isAllowedExternal('https://evil.com/?https://help.deskops.example', allowed)).toBe(false);
    expect(isAllowedExternal('http://help.deskops.example/', allowed)).toBe(false);
    expect(isAllowedExternal('https://help.deskops.example:444/', allowed)).toBe(false);
  });
});
