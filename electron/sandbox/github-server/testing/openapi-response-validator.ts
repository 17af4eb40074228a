import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI document the validator walks. */
interface OpenApiResponse {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
  components: { responses: Record<string, OpenApiResponse> };
}

const DOCUMENT_ID = 'https://api.github.com/openapi.json';

/**
 * Ajv accepts OpenAPI's `nullable` only beside a `type`, and does not let it widen an `enum`; GitHub's
 * description puts it beside `oneOf`/`allOf`/`$ref` (e.g. `repository-ruleset.conditions`) and on
 * enums (a check run's `conclusion`). Rewrites those, in place, so `null` is accepted as GitHub means.
 */
function normalizeNullable(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach(normalizeNullable);
    return;
  }
  const schema = node as Record<string, unknown>;
  Object.values(schema).forEach(normalizeNullable);
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...(schema.enum as unknown[]), null];
  }
  if (schema.nullable === true && schema.type === undefined) {
    const { nullable: _nullable, ...rest } = schema;
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [rest, { type: 'null' }];
  }
}

/** Escapes one JSON-pointer segment (RFC 6901). */
function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Validates response bodies against GitHub's published OpenAPI description (`@octokit/openapi`,
 * `api.github.com`). Schemas are compiled from the document itself, so every `$ref` resolves the way
 * GitHub wrote it, and each operation's schema is compiled once.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly document: OpenApiDocument;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@octokit/openapi/generated/api.github.com.json');
    this.document = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
    normalizeNullable(this.document.components);
    // OpenAPI 3.0 adds keywords (`example`, `discriminator` with `mapping`, `x-github`) that are not
    // JSON Schema: `strict: false` ignores them; `nullable` is understood by Ajv itself.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(this.document as object, DOCUMENT_ID);
  }

  /**
   * Throws when `body` does not match the schema of `method path` for `status`. `pathOrUrl` is the
   * template, e.g. `/repos/{owner}/{repo}/pulls`, or a concrete URL (a `Link` header's next page). Throws too when the description has no such
   * operation or no JSON schema for that status, so an untested shape can never pass silently.
   */
  validate(method: string, pathOrUrl: string, status: number, body: unknown): void {
    const path = this.templateOf(method, pathOrUrl);
    const key = `${method.toUpperCase()} ${path} ${status}`;
    if (this.documentsNoContent(method, path, status)) {
      // A success GitHub documents without a body (204 No Content): the answer must have none.
      if (body !== undefined && body !== null && body !== '') throw new Error(`Response of ${key} must have no body`);
      return;
    }
    let validateFunction = this.compiled.get(key);
    if (!validateFunction) {
      validateFunction = this.ajv.compile({ $ref: this.schemaPointer(method, path, status) });
      this.compiled.set(key, validateFunction);
    }
    if (!validateFunction(body)) {
      const problems = (validateFunction.errors ?? [])
        .slice(0, 10)
        .map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
        .join('\n  ');
      throw new Error(`Response of ${key} does not match GitHub's OpenAPI schema:\n  ${problems}`);
    }
  }

  /** Maps a concrete URL back to the description's path template; a template is returned as is. */
  private templateOf(method: string, pathOrUrl: string): string {
    if (this.document.paths[pathOrUrl]) return pathOrUrl;
    const path = new URL(pathOrUrl, 'http://localhost').pathname;
    const candidates = Object.keys(this.document.paths).filter((template) => {
      if (!this.document.paths[template]?.[method.toLowerCase()]) return false;
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      return new RegExp(`^${pattern}$`).test(path);
    });
    // Prefer the most literal template: `/releases/latest` over `/releases/{release_id}`.
    candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    return candidates[0] ?? pathOrUrl;
  }

  /** True for a documented success status whose response has no content at all (e.g. a DELETE's 204). */
  private documentsNoContent(method: string, path: string, status: number): boolean {
    const response = this.document.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)];
    return status < 300 && response !== undefined && !response.$ref && response.content === undefined;
  }

  private schemaPointer(method: string, path: string, status: number): string {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`No operation ${method} ${path} in GitHub's OpenAPI description`);
    let response = operation.responses?.[String(status)];
    let pointer = `#/paths/${pointerSegment(path)}/${method.toLowerCase()}/responses/${status}`;
    if (response?.$ref) {
      pointer = response.$ref;
      response = this.document.components.responses[response.$ref.split('/').pop() ?? ''];
    }
    if (!response?.content?.['application/json']?.schema && status >= 400) {
      // Some operations document an error status without a body schema; GitHub still sends its
      // usual error JSON there, so hold it to `basic-error`.
      return `${DOCUMENT_ID}#/components/schemas/basic-error`;
    }
    if (!response?.content?.['application/json']?.schema) {
      throw new Error(`No JSON schema for ${method} ${path} ${status} in GitHub's OpenAPI description`);
    }
    return `${DOCUMENT_ID}${pointer}/content/application~1json/schema`;
  }
}
