"""Chinese text analysis for the index (jieba tokenizer for Whoosh)."""
