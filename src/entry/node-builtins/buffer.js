// Re-exports node:buffer for packages that import it without the node: prefix (wrangler.toml [alias]).
export * from 'node:buffer';
