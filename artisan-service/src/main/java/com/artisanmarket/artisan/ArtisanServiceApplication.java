package com.artisanmarket.artisan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ArtisanServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ArtisanServiceApplication.class, args);
	}

}
