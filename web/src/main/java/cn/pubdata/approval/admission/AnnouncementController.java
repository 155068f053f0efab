package cn.pubdata.approval.admission;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/announcements")
class AnnouncementController {

    private final Announcements announcements;

    AnnouncementController(Announcements announcements) {
        this.announcements = announcements;
    }

    @GetMapping
    List<AnnouncementView> open() {
        return announcements.open().stream().map(AnnouncementView::of).toList();
    }

    @GetMapping("/{id}")
    AnnouncementView one(@PathVariable long id) {
        return AnnouncementView.of(announcements.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AnnouncementView publish(@RequestBody AnnouncementForm form) {
        return AnnouncementView.of(announcements.publish(form));
    }
}
