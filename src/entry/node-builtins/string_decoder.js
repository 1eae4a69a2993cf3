// Re-exports node:string_decoder for packages that import it without the node: prefix (wrangler.toml [alias]).
export * from 'node:string_decoder';
