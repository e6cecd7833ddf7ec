package org.parkhub.config;

import java.util.List;

/** The settings of one area of the hub (its FTP server, its deliveries, ...), under one heading in the docs. */
public record SettingGroup(String title, List<Setting> settings) {

    public SettingGroup(String title, Setting... settings) {
        this(title, List.of(settings));
    }
}
