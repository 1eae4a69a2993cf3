-- The shipped supervised embedder is registered like every other embedder, so its vectors can be stored.
alter table embedder_models drop constraint embedder_models_kind_check;
alter table embedder_models
  add constraint embedder_models_kind_check check (kind in ('lsa', 'supervised', 'openai', 'onnx', 'workers-ai'));
