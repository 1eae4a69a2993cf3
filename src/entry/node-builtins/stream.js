// Re-exports node:stream for packages that import it without the node: prefix (wrangler.toml [alias]).
export * from 'node:stream';
