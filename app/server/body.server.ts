// What the server refuses before Remix sees a request: malformed URLs (400), bodies over 64 KB
// (413, drained or cut off), and page posts that are not well-formed forms (415/400).
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";

/** Form and JSON bodies larger than this are refused with 413 before any parsing. */
export const BODY_LIMIT = 64 * 1024;
/** A refused body up to this size is read and thrown away, so the client gets its 413 cleanly. */
const DRAIN_LIMIT = 1024 * 1024;

/** A path that cannot be decoded, or decodes to control characters, is a bad request. */
function isMalformed(rawUrl: string): boolean {
  const pathPart = rawUrl.split("?")[0];
  try {
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathPart)) || !URL.canParse(rawUrl, "http://localhost");
  } catch {
    return true;
  }
}

/** 400 for a malformed URL, 413 for a declared body over the limit. */
export const refuseMalformed: RequestHandler = (req, res, next) => {
  if (isMalformed(req.originalUrl)) {
    res.status(400).type("text/plain").send("Bad Request");
    return;
  }
  const declared = Number(req.get("content-length") ?? 0);
  if (declared > BODY_LIMIT) {
    res.set("Connection", "close");
    const answer = () => {
      if (!res.headersSent) res.status(413).type("text/plain").send("Payload Too Large");
    };
    if (declared <= DRAIN_LIMIT) {
      req.on("end", answer).on("error", answer).resume();
    } else {
      res.once("finish", () => req.socket.destroy());
      answer();
    }
    return;
  }
  next();
};

/** Reads the whole body, or answers 413 (and resolves null) once it passes BODY_LIMIT. */
export function readBody(req: ExpressRequest, res: ExpressResponse): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => {
      res.status(413).set("Connection", "close").type("text/plain").send("Payload Too Large");
      resolve(null);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) {
        req.removeAllListeners("data");
        req.removeAllListeners("end");
        req.pause();
        res.once("finish", () => req.socket.destroy());
        tooLarge();
      }
    });
    req.on("end", () => (size > BODY_LIMIT ? tooLarge() : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/** Bodies a page's action reads (request.formData()); no route takes JSON or text. */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Why a page's POST/PUT/PATCH/DELETE body cannot be a form, as [status, message], or null when it
 * can: 415 for another content type, 400 for a multipart body without a boundary or that does not
 * parse. Checked here so a JSON or broken body never reaches an action as a 500.
 */
export async function formBodyProblem(req: ExpressRequest, body: Buffer): Promise<[number, string] | null> {
  const contentType = req.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType))
    return [415, "Unsupported Media Type: send a form (application/x-www-form-urlencoded or multipart/form-data)"];
  if (mediaType === "multipart/form-data") {
    const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!boundary) return [400, "Bad Request: multipart body without a boundary"];
    // The parser is lenient: a body with no closing delimiter would reach the action as a form.
    if (!body.includes(`--${boundary[1] ?? boundary[2]}--`)) return [400, "Bad Request: malformed multipart body"];
    try {
      await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
    } catch {
      return [400, "Bad Request: malformed multipart body"];
    }
  }
  return null;
}
