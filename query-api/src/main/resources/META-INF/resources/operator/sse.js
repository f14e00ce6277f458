// Server-Sent Events over fetch(). EventSource cannot send an Authorization header, so this reads
// the response body itself and parses the frames as the HTML standard's event-stream format says:
// lines end in CRLF, LF or CR; "field: value" (one leading space dropped); "data" lines join with
// "\n"; a blank line dispatches; lines starting with ":" are comments (the API's heartbeats).

/** The API sends a comment every 15 s: this long without a byte means the connection is dead. */
export const IDLE_TIMEOUT_MS = 45000;
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30000;

/**
 * Splits a text stream into SSE events; feed it chunks, it calls onEvent per complete event.
 * lastEventId persists across events, as the standard's "last event ID buffer" does: an event
 * without an id field carries the previous id, and an id-only block (no data) still updates it.
 * retryMs is the last valid "retry" field (null until the server sends one).
 */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.pendingCr = false;
    this.lastEventId = '';
    this.idBuffer = '';
    this.retryMs = null;
    this.reset();
  }

  reset() {
    this.eventType = '';
    this.data = [];
  }

  push(chunk) {
    if (chunk === '') {
      return; // keeps a pending CR pending
    }
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) {
      text = text.slice(1); // the LF of a CRLF split across two chunks
    }
    this.pendingCr = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') {
        continue;
      }
      this.line(this.buffer.slice(start, i));
      if (c === '\r') {
        if (i + 1 === this.buffer.length) {
          this.pendingCr = true;
        } else if (this.buffer[i + 1] === '\n') {
          i++;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  line(line) {
    if (line === '') {
      this.lastEventId = this.idBuffer;
      if (this.data.length > 0) {
        this.onEvent({
          type: this.eventType || 'message',
          data: this.data.join('\n'),
          id: this.lastEventId,
        });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.eventType = value;
    } else if (field === 'data') {
      this.data.push(value);
    } else if (field === 'id' && !value.includes('\0')) {
      this.idBuffer = value;
    } else if (field === 'retry' && /^[0-9]+$/.test(value)) {
      this.retryMs = Number(value);
    }
  }

  /** Drops the id (the server refused it): the next event without an id carries none. */
  forgetId() {
    this.idBuffer = '';
    this.lastEventId = '';
  }
}

/**
 * Decodes a response body (bytes) as UTF-8, the way EventSource does, into the parser; calls
 * onBytes for every chunk read (heartbeats included), so a watchdog can tell the line is alive.
 */
export async function pump(body, parser, onBytes = () => {}) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      onBytes();
      parser.push(value);
    }
  } finally {
    reader.releaseLock();
  }
}

/** A response the stream must not retry: the token or the building is the problem. */
export class StreamRefused extends Error {
  constructor(response) {
    super(`stream refused: HTTP ${response.status}`);
    this.response = response;
  }
}

function isEventStream(response) {
  const type = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
  return type === 'text/event-stream';
}

/**
 * Keeps one stream open until signal aborts: reconnects after the server ends it, the network
 * fails or nothing (not even a heartbeat) arrived for idleTimeoutMs (1 s, or the server's "retry",
 * doubling to 30 s after failures; the server's Retry-After for 429/503), sending Last-Event-ID so
 * the API replays what was missed. 401, 403 and 404 stop it (and 400 when no id was sent):
 * onRefused gets the response. A 400 or 410 answering an id drops the id and retries at once.
 * onState('live') is called each time a stream is (re)established.
 */
export async function followStream(
  url,
  { authorization, signal, onEvent, onState, onRefused, idleTimeoutMs = IDLE_TIMEOUT_MS },
) {
  const parser = new SseParser(onEvent);
  let baseMs = FIRST_BACKOFF_MS;
  let backoffMs = baseMs;
  while (!signal.aborted) {
    let waitMs = null; // null: doubled backoff (a failure)
    // One controller per attempt: the watchdog aborts the attempt, the caller's signal everything.
    const attempt = new AbortController();
    const abortAttempt = () => attempt.abort();
    signal.addEventListener('abort', abortAttempt, { once: true });
    let idle = null;
    let stalled = false;
    const watch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        stalled = true;
        attempt.abort();
      }, idleTimeoutMs);
    };
    let healthy = false;
    let refused = false;
    try {
      const headers = { Accept: 'text/event-stream', Authorization: authorization() };
      if (parser.lastEventId !== '') {
        headers['Last-Event-ID'] = parser.lastEventId;
      }
      onState('connecting');
      watch();
      const response = await fetch(url, {
        headers,
        signal: attempt.signal,
        cache: 'no-store',
        credentials: 'omit',
      });
      const sentId = headers['Last-Event-ID'] !== undefined;
      if ((response.status === 400 || response.status === 410) && sentId) {
        parser.forgetId();
        onState('retrying', `HTTP ${response.status} for Last-Event-ID; resuming without it`);
        waitMs = 0;
      } else if ([400, 401, 403, 404].includes(response.status)) {
        onState('stopped');
        refused = true; // its body is the problem onRefused may read: not aborted below
        onRefused(response);
        return;
      } else if (!response.ok) {
        const retryAfter = Number(response.headers.get('Retry-After'));
        if (retryAfter > 0) {
          waitMs = retryAfter * 1000;
        }
        onState('retrying', `HTTP ${response.status}`);
      } else if (!isEventStream(response)) {
        // e.g. a proxy's HTML page: not the API, so not live
        onState('retrying', `not an event stream (${response.headers.get('Content-Type')})`);
      } else {
        onState('live');
        await pump(response.body, parser, () => {
          healthy = true;
          watch();
        });
        onState('retrying', 'stream ended');
      }
    } catch (e) {
      if (signal.aborted) {
        return;
      }
      onState('retrying', stalled ? `no data for ${idleTimeoutMs / 1000} s` : e.message);
    } finally {
      clearTimeout(idle);
      signal.removeEventListener('abort', abortAttempt);
      if (!refused && !attempt.signal.aborted) {
        attempt.abort(); // ends a body not read to its end
      }
    }
    if (parser.retryMs !== null) {
      baseMs = Math.min(Math.max(parser.retryMs, 100), MAX_BACKOFF_MS);
    }
    if (healthy) {
      backoffMs = baseMs; // the stream worked: reconnect quickly, as after a server's deploy
    }
    if (waitMs === null) {
      waitMs = backoffMs;
      backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }
    await sleep(waitMs, signal);
  }
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
