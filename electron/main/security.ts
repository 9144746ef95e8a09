import type { Event, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { originOf } from './ipc/registry.js';

/** Where the renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'deskops';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The renderer's CSP. Scripts only from the app itself (no inline, no eval: the JSON-schema
 * validator was picked to work without it); network only to the app and the sync server.
 * Inline styles stay allowed because Mantine injects its CSS variables at run time.
 */
export function contentSecurityPolicy(syncServerUrl: string): string {
  const server = originOf(syncServerUrl);
  if (!server || !/^https?:\/\//.test(server)) throw new Error(`The sync server URL is not an http(s) URL: ${syncServerUrl}`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${server}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * What the app may ask for: notifications (SLA warnings) and the camera (photos on tickets; video
 * only, never the microphone). Geolocation, clipboard reading, HID, serial etc. are all refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

function cameraOnly(mediaTypes: readonly string[] | undefined): boolean {
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

function fromApp(url: string | undefined): boolean {
  return url !== undefined && originOf(url) === APP_ORIGIN;
}

/** Adds the CSP to every response of the session and refuses every permission but notifications and the camera. */
export function secureSession(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = permission === 'media' && cameraOnly('mediaTypes' in details ? details.mediaTypes : undefined);
    callback((ALLOWED_PERMISSIONS.has(permission) || media) && fromApp(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const media = permission === 'media' && details?.mediaType === 'video';
    return (ALLOWED_PERMISSIONS.has(permission) || media) && fromApp(requestingOrigin);
  });
}

export interface HardenOptions {
  /** Origins (e.g. `https://help.example.com`) whose links open in the user's browser. */
  readonly allowedExternalOrigins: readonly string[];
  /** `shell.openExternal` in the app. */
  readonly openExternal: (url: string) => Promise<void>;
  /** Told when something is refused, for the log. */
  readonly onBlocked?: (what: string, url: string) => void;
}

/** True for an https URL on one of the allowed origins. */
export function isAllowedExternal(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origin.startsWith('https://') && allowedOrigins.some((allowed) => originOf(allowed) === origin);
}

/**
 * Keeps a window on the app: navigation and redirects off the app origin are cancelled (an allowed
 * https link goes to the user's browser instead), `window.open` never makes a window, and
 * `<webview>` can never attach.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const { allowedExternalOrigins, openExternal, onBlocked } = options;
  const sendOut = (url: string, what: string) => {
    if (isAllowedExternal(url, allowedExternalOrigins)) {
      openExternal(url).catch(() => onBlocked?.(`${what} (browser did not open)`, url));
    } else {
      onBlocked?.(what, url);
    }
  };
  // Only a user's click on a link (will-navigate, window.open) may hand a URL to the browser;
  // redirects and sub-frame navigations off the app are simply cancelled.
  const block = (what: string, handOut: boolean) => (event: Event<{ url: string; isMainFrame?: boolean }>) => {
    if (fromApp(event.url)) return;
    event.preventDefault();
    if (handOut) sendOut(event.url, what);
    else onBlocked?.(what, event.url);
  };
  const navigate = block('navigation', true);
  const frameNavigate = block('frame navigation', false);
  contents.on('will-navigate', navigate);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) frameNavigate(event);
  });
  contents.on('will-redirect', block('redirect', false));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked?.('webview', '');
  });
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    sendOut(details.url, 'new window');
    return { action: 'deny' };
  });
}
