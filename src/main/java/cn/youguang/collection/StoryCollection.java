package cn.youguang.collection;

import cn.youguang.content.ContentEntry;
import cn.youguang.story.Story;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** An ordered compilation of stories (选编), such as 《平凡亦有光》; its body is the introduction. */
@Entity
@Table(name = "story_collection")
public class StoryCollection extends ContentEntry {

    @ManyToMany
    @JoinTable(name = "collection_entry", joinColumns = @JoinColumn(name = "collection_id"),
            inverseJoinColumns = @JoinColumn(name = "story_id"))
    @OrderColumn(name = "position")
    private List<Story> stories = new ArrayList<>();

    public List<Story> getStories() {
        return stories;
    }
}
