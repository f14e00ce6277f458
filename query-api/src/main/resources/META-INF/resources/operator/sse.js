// Server-Sent Events over fetch(). EventSource cannot send an Authorization header, so this reads
// the response body itself and parses the frames as the HTML standard's event-stream format says:
// lines end in CRLF, LF or CR; "field: value" (one leading space dropped); "data" lines join with
// "\n"; a blank line dispatches; lines starting with ":" are comments (the API's heartbeats).

/** Splits a text stream into SSE events; feed it chunks, it calls onEvent per complete event. */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.pendingCr = false;
    this.reset();
  }

  reset() {
    this.eventType = '';
    this.data = [];
    this.id = null;
  }

  push(chunk) {
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
      if (this.data.length > 0) {
        this.onEvent({
          type: this.eventType || 'message',
          data: this.data.join('\n'),
          id: this.id,
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
      this.id = value;
    }
  }
}

/** A response the stream must not retry: the token or the building is the problem. */
export class StreamRefused extends Error {
  constructor(response) {
    super(`stream refused: HTTP ${response.status}`);
    this.response = response;
  }
}

/**
 * Keeps one stream open until signal aborts: reconnects after the server ends it or the network
 * fails (1 s doubling to 30 s, or the server's Retry-After for 429/503), sending Last-Event-ID so
 * the API replays what was missed. 401, 403 and 404 stop it: onRefused gets the response.
 */
export async function followStream(url, { authorization, signal, onEvent, onState, onRefused }) {
  let lastEventId = null;
  let backoffMs = 1000;
  while (!signal.aborted) {
    let waitMs = backoffMs;
    try {
      const headers = { Accept: 'text/event-stream', Authorization: authorization() };
      if (lastEventId !== null) {
        headers['Last-Event-ID'] = lastEventId;
      }
      onState('connecting');
      const response = await fetch(url, { headers, signal, cache: 'no-store' });
      if ([401, 403, 404].includes(response.status)) {
        onState('stopped');
        onRefused(response);
        return;
      }
      if (!response.ok) {
        const retryAfter = Number(response.headers.get('Retry-After'));
        if (retryAfter > 0) {
          waitMs = retryAfter * 1000;
        }
        onState('retrying', `HTTP ${response.status}`);
      } else {
        onState('live');
        backoffMs = 1000;
        const parser = new SseParser((event) => {
          if (event.id !== null) {
            lastEventId = event.id;
          }
          onEvent(event);
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          parser.push(value);
        }
        onState('retrying', 'stream ended');
      }
    } catch (e) {
      if (signal.aborted) {
        return;
      }
      onState('retrying', e.message);
    }
    await sleep(waitMs, signal);
    backoffMs = Math.min(backoffMs * 2, 30000);
  }
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
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
