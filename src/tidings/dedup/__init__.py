"""De-duplication: cluster coded event mentions into real-world events (rules in docs/store.md)."""

from tidings.dedup.cluster import cluster_mentions, event_id_for
from tidings.dedup.incremental import ClusterUpdate, plan_update
from tidings.dedup.summarize import claim_for, summarize

__all__ = ["ClusterUpdate", "claim_for", "cluster_mentions", "event_id_for", "plan_update", "summarize"]
