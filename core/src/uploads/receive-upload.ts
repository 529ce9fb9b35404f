import { once } from 'node:events';
import { unlink } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import busboy from 'busboy';
import { HttpError } from '../http/http-error.ts';
import { nulFieldError } from '../http/nul-guard.ts';
import { sanitizeFileName } from './file-name.ts';
import { ReceivedFile } from './received-file.ts';
import type { UploadArea } from './upload-area.ts';
import { defaultMaxFieldBytes, defaultMaxFields, uploadBodyBound, type UploadLimits } from './upload-limits.ts';
import { UploadForm } from './upload-form.ts';
import { FileTooLargeError, writeHashed } from './write-hashed.ts';

/** 413 naming the limit that was passed (the error page shows it in KB/MB). */
const tooLarge = (limit: number) => new HttpError(413, undefined, { kind: String(limit) });

const malformed = () =>
  new HttpError(400, 'O envio chegou incompleto ou num formato inesperado. Escolha o arquivo de novo e envie outra vez.', {
    title: 'Envio incompleto',
  });

/**
 * Streams a multipart body (or a URL-encoded form) through busboy. Each file goes straight to a new
 * temp file under DATA_DIR, counted and hashed on the way, so memory holds one chunk at a time. A file
 * past `maxFileBytes` (or more files, fields or bytes than allowed) stops the reading: every temp file
 * of the request is deleted and a 413 HttpError thrown. `made` collects the temp paths so that the
 * route can delete the ones nobody kept when the request ends. On @hono/node-server the body is read
 * from Node's request stream itself (`incoming`), with backpressure: Node 20's `Readable.toWeb`, behind
 * `request.body`, queues whatever the client sends faster than the disk takes it.
 */
export async function receiveMultipart(
  request: Request,
  incoming: Readable | undefined,
  area: UploadArea,
  limits: UploadLimits,
  made: Set<string>,
): Promise<UploadForm> {
  const maxFiles = limits.maxFiles ?? 1;
  const maxFields = limits.maxFields ?? defaultMaxFields;
  const maxFieldBytes = limits.maxFieldBytes ?? defaultMaxFieldBytes;
  const bound = uploadBodyBound(limits);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      defParamCharset: 'utf8',
      // busboy reports a file as over the limit when it reaches it: +1 lets a file of exactly the limit in.
      limits: { fileSize: limits.maxFileBytes + 1, files: maxFiles, fields: maxFields, fieldSize: maxFieldBytes + 1, fieldNameSize: 200 },
    });
  } catch {
    throw new HttpError(400, 'Envie o formulário com o arquivo (multipart/form-data).', { title: 'Envio inválido' });
  }

  const fields: Record<string, string | string[]> = {};
  const files: (ReceivedFile | undefined)[] = [];
  const writes: Promise<void>[] = [];
  let failure: unknown;
  let stop: (error: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = (error) => {
      if (failure !== undefined) return;
      failure = error;
      reject(error);
    };
  });
  stopped.catch(() => {});

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated) return stop(tooLarge(maxFieldBytes));
    if (name.includes('\0') || value.includes('\0')) {
      return stop(nulFieldError(name.replaceAll('\0', '')));
    }
    const previous = fields[name];
    fields[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  });
  parser.on('file', (name, stream, info) => {
    // Destroyed with the parser when an upload stops; the write below sees the error through its pipeline.
    stream.on('error', () => {});
    if (!info.filename) {
      stream.resume(); // an empty <input type="file">
      return;
    }
    const index = files.push(undefined) - 1;
    stream.once('limit', () => stop(tooLarge(limits.maxFileBytes)));
    const write = async () => {
      const temp = await area.newTempFile();
      made.add(temp.path);
      const { size, sha256 } = await writeHashed(stream, temp.path, limits.maxFileBytes);
      files[index] = new ReceivedFile(name, sanitizeFileName(info.filename ?? ''), info.mimeType, size, sha256, temp.id, temp.path);
    };
    writes.push(write().catch((error: unknown) => stop(error instanceof FileTooLargeError ? tooLarge(limits.maxFileBytes) : error)));
  });
  parser.on('filesLimit', () => stop(new HttpError(413, `Envie no máximo ${maxFiles} ${maxFiles === 1 ? 'arquivo' : 'arquivos'} por vez.`, { kind: String(limits.maxFileBytes) })));
  parser.on('fieldsLimit', () => stop(tooLarge(maxFieldBytes)));
  parser.on('error', (error) => stop(error));

  let total = 0;
  const count = (chunk: Uint8Array) => {
    total += chunk.byteLength;
    if (total > bound) throw tooLarge(limits.maxFileBytes);
  };
  const feed = incoming ? feedFromNode(incoming, parser, count, stopped) : feedFromWeb(request.body, parser, count, stopped);
  try {
    await feed.done;
    parser.end();
    await Promise.race([finished(parser), stopped]);
    await Promise.race([Promise.all(writes), stopped]);
    if (failure !== undefined) throw failure;
  } catch (error) {
    stop(error);
    feed.detach();
    parser.destroy();
    await Promise.allSettled(writes);
    await Promise.all([...made].map((path) => unlink(path).catch(() => {})));
    made.clear();
    throw failure instanceof HttpError ? failure : malformed();
  }
  return new UploadForm(fields, files.filter((f): f is ReceivedFile => f !== undefined));
}

/** Feeding the parser: `done` settles at the body's end (or its first failure); `detach` stops reading. */
interface Feed {
  done: Promise<void>;
  detach(): void;
}

/**
 * From Node's request stream, pausing it while the parser (and so the disk) is behind. Stopping
 * removes our listeners and leaves it paused, never destroyed: destroying would reset the connection
 * before the browser reads the 413 page; the server discards the rest of the body.
 */
function feedFromNode(source: Readable, parser: Writable, count: (chunk: Uint8Array) => void, stopped: Promise<never>): Feed {
  let detach = () => {};
  const done = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      try {
        count(chunk);
      } catch (error) {
        detach();
        return reject(error);
      }
      if (!parser.write(chunk)) {
        source.pause();
        parser.once('drain', onDrain);
      }
    };
    const onDrain = () => source.resume();
    const onEnd = () => {
      detach();
      resolve();
    };
    const onError = (error: Error) => {
      detach();
      reject(error);
    };
    const onClose = () => {
      if (source.readableEnded) return;
      detach();
      reject(new Error('request closed before its end'));
    };
    detach = () => {
      source.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      parser.off('drain', onDrain);
      source.pause();
    };
    stopped.catch((error: unknown) => {
      detach();
      reject(error);
    });
    source.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
    source.resume();
  });
  return { done, detach: () => detach() };
}

/** From a web stream (`app.request()` in tests, other runtimes): read chunk by chunk, waiting for the parser. */
function feedFromWeb(body: ReadableStream<Uint8Array> | null, parser: Writable, count: (chunk: Uint8Array) => void, stopped: Promise<never>): Feed {
  const reader = body?.getReader();
  const done = (async () => {
    if (!reader) return;
    for (;;) {
      const read = reader.read();
      read.catch(() => {});
      const { done: end, value } = await Promise.race([read, stopped]);
      if (end) return;
      count(value);
      if (!parser.write(value)) await Promise.race([once(parser, 'drain'), stopped]);
    }
  })();
  // Release without cancelling (cancelling would reset the connection before the 413 is read).
  return { done, detach: () => reader?.releaseLock() };
}
