"""stories: Articles -> Story groups (online, time-aware) and wire-copy links."""

from newsprism.stories.grouping import StoryGrouper, group_stories, wire_links

__all__ = ["StoryGrouper", "group_stories", "wire_links"]
