-- Keys minted over the API (issue 22): a key may expire, and its last use is recorded (at most once a
-- minute per key, so a busy key does not turn every read into a write).
alter table api_keys add column expires_at timestamptz;
alter table api_keys add column last_used_at timestamptz;
