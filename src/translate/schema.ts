// JSON Schema (draft 2020-12 / draft-07 compatible) for the job file's `translate.providers`, so the
// pipeline's job schema can reference it and report mistakes with file:line before anything runs.
const common = {
  enforceGlossary: { type: 'boolean', description: "Protect glossary terms and restore their preferred target form (default true when the job has glossaries)." },
};

const http = {
  rateLimitAndRetry: {
    concurrency: { type: 'integer', minimum: 1, maximum: 64, description: 'Requests in flight at once (default 2).' },
    requestsPerInterval: { type: 'integer', minimum: 1, description: 'At most this many requests start per interval (default 5).' },
    intervalMs: { type: 'integer', minimum: 1, description: 'The rate-limit window in milliseconds (default 1000).' },
    timeoutMs: { type: 'integer', minimum: 1, description: 'Per-request timeout (default 30000).' },
    retries: { type: 'integer', minimum: 0, maximum: 20, description: 'Retries on 429, 5xx, timeouts and network errors (default 4).' },
    backoffMs: { type: 'integer', minimum: 0, description: 'First retry delay, doubled each time (default 500).' },
  },
};

export const providerConfigSchema = {
  $id: 'tandem:translate-provider',
  title: 'Translation provider',
  type: 'object',
  required: ['type'],
  oneOf: [
    { properties: { type: { const: 'none' } }, additionalProperties: false },
    {
      properties: {
        type: { const: 'tm' },
        memories: { description: 'TMX files and tandem segments.jsonl files (globs, relative to the job file).',
          oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        minMatch: { type: 'number', minimum: 1, maximum: 100, description: 'Lowest fuzzy match in percent (default 75).' },
        ...common,
      },
      required: ['type', 'memories'], additionalProperties: false,
    },
    { properties: { type: { const: 'glossary' }, ...common }, additionalProperties: false },
    {
      properties: {
        type: { const: 'apertium' },
        command: { type: 'string', description: "The apertium command (default 'apertium')." },
        modes: { type: 'object', additionalProperties: { type: 'string' }, description: 'Language pair to Apertium mode, e.g. {"be-ru": "bel-rus"}.' },
        timeoutMs: { type: 'integer', minimum: 1000 },
        ...common,
      },
      additionalProperties: false,
    },
    {
      properties: {
        type: { const: 'http' },
        protocol: { enum: ['libretranslate', 'deepl', 'openai'] },
        endpoint: { type: 'string', description: 'Base URL; default from the environment (LIBRETRANSLATE_URL, DEEPL_API_URL, OPENAI_BASE_URL).' },
        endpointEnv: { type: 'string', description: 'Environment variable holding the endpoint.' },
        keyEnv: { type: 'string', description: 'Environment variable holding the API key (keys never go into job files).' },
        model: { type: 'string', description: 'Chat model (openai protocol; default OPENAI_MODEL or gpt-4o-mini).' },
        modelEnv: { type: 'string' },
        batch: { type: 'integer', minimum: 1, maximum: 1000, description: 'Texts per request (LibreTranslate, DeepL).' },
        cache: { oneOf: [{ type: 'boolean' }, { type: 'string' }], description: 'Disk cache: true (default, .tandem-cache/translate beside the job), false, or a folder.' },
        ...http.rateLimitAndRetry,
        ...common,
      },
      required: ['type', 'protocol'], additionalProperties: false,
    },
  ],
} as const;

export const providersSchema = { type: 'array', items: providerConfigSchema } as const;
