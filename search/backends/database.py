from modelsearch.backends.database import SearchBackend  # noqa: F401  (replaced by the jieba backend)
